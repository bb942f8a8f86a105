"""A handout made by ``medialit handout``, opened from disk in Chromium like a teacher would.

It must show the highlighted article with its legend and every chart, styled
(computed styles, see ``lab_look.py``), with each highlight's reason a link away
and back; load nothing from the network (it promises to work offline); and
axe-core must find no serious or critical problem in it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from lab_axe import run_axe, severe
from lab_look import follow_reason_links, look_problems

SEED = "isis-fighters-calling-in-sick"


def make_handout(folder: Path) -> Path:
    """Run ``python -m medialit handout SEED -o FILE`` and return the file."""
    output = folder / f"{SEED}-handout.html"
    env = dict(os.environ, MEDIALIT_HOME=str(folder / "home"), MPLBACKEND="Agg")
    done = subprocess.run(
        [sys.executable, "-m", "medialit", "handout", SEED, "-o", str(output)],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, f"medialit handout failed:\n{done.stdout}\n{done.stderr}"
    assert output.is_file(), f"medialit handout said {done.stdout!r} but wrote no {output}"
    return output


def test_handout_shows_article_legend_and_charts(
    browser_context, tmp_path: Path, save_screenshot, axe_source, record_axe
) -> None:
    handout = make_handout(tmp_path)
    page = browser_context.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    try:
        page.goto(handout.as_uri(), wait_until="load")
        legend = page.locator(".ml-legend").first
        legend.wait_for(state="visible", timeout=10_000)
        kinds = legend.locator("li").count()
        assert kinds > 0, f"the legend names no kind of highlight: {legend.inner_text()!r}"
        assert page.locator(".ml-hl-root mark.ml-hl").count() > 0, "no highlight in the article"
        images = page.locator("img")
        assert images.count() > 0, "the handout has no charts"
        sizes = images.evaluate_all(
            "imgs => imgs.map(i => [i.alt.slice(0, 60), i.complete ? i.naturalWidth : 0])"
        )
        broken = [alt for alt, width in sizes if width == 0]
        assert not broken, f"charts that did not load: {broken}"
        assert all(alt for alt, _ in sizes), "every chart needs alt text for screen readers"
        external = [url for url in fetched if not url.startswith(("file:", "data:"))]
        assert not external, f"the handout fetched from the network: {external}"
        problems, seen = look_problems(page.locator("body"))
        assert not problems, "the handout looks wrong:\n" + "\n".join(problems)
        assert seen["marks"] > 0 and seen["reasons"] > 0, seen
        links = follow_reason_links(page, page.locator(".ml-hl-root").first)
        assert not links, "; ".join(links)
        violations = run_axe(page, axe_source)
        record_axe("handout", violations)
        for v in violations:
            print("axe:", v)
        assert not severe(violations), "axe-core found:\n" + "\n".join(
            map(str, severe(violations))
        )
    finally:
        page.screenshot(path=save_screenshot("handout"), full_page=True)
        page.close()
