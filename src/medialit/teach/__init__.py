"""Layer 6, teach: reviewing a draft key, class results and student copies of the lessons."""
