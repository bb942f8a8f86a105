"""Class results from exported progress files: the table, the sums, the chart, clear errors."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from medialit.learn import progress
from medialit.learn.progress import ProgressError, ProgressStore
from medialit.teach import classroom
from medialit.teach.classroom import BY_EXERCISE_COLUMNS, TABLE_COLUMNS, summarise

# learner -> [(lesson, exercise, hits, misses, false alarms), ...] in the order answered;
# a second entry for the same exercise is a later attempt (only the latest counts).
CLASS = {
    "Ana": [("02", "02-find-hedges", 5, 0, 0), ("03", "03-sources", 2, 2, 0)],
    "Ben": [("02", "02-find-hedges", 3, 2, 0), ("02", "02-find-hedges", 4, 1, 2),
            ("03", "03-sources", 4, 0, 0)],
    "Cai": [("03", "03-sources", 1, 3, 1), ("02", "02-find-hedges", 5, 0, 3)],
}


def score(h: int, m: int, f: int) -> float:
    return h / (h + m + f) if h + m + f else 0.0


def export_for(folder: Path, learner: str | None, answers, *, name: str | None = None) -> Path:
    store = ProgressStore(folder / f"{name or learner}-progress.json")
    for lesson, ex, h, m, f in answers:
        store.record_attempt(lesson, ex, answer=["x"], hits=h, misses=m, false_alarms=f,
                             score=score(h, m, f), correct=m == 0 and f == 0, kind="select_phrases",
                             question="Which?")
    return store.export(folder / "hand-in" / f"{name or learner}.json", learner=learner)


@pytest.fixture
def exports(tmp_path) -> list[Path]:
    return [export_for(tmp_path, learner, answers) for learner, answers in CLASS.items()]


def latest(learner: str, exercise: str) -> tuple[int, int, int]:
    found = [a for a in CLASS[learner] if a[1] == exercise]
    return found[-1][2:]


def test_one_row_per_learner_and_exercise(exports):
    result = summarise(exports, chart=False)
    table = result.table
    assert list(table.columns) == list(TABLE_COLUMNS)
    assert dict(table.dtypes.astype(str)) == TABLE_COLUMNS
    assert result.learners == ("Ana", "Ben", "Cai")
    assert result.figure is None
    # Lesson 02 first, then 03; learners by name inside an exercise.
    assert list(zip(table.exercise, table.learner, strict=True)) == [
        ("02-find-hedges", "Ana"), ("02-find-hedges", "Ben"), ("02-find-hedges", "Cai"),
        ("03-sources", "Ana"), ("03-sources", "Ben"), ("03-sources", "Cai"),
    ]
    for row in table.itertuples():
        h, m, f = latest(row.learner, row.exercise)
        assert (row.hits, row.misses, row.false_alarms) == (h, m, f)
        assert row.score == pytest.approx(score(h, m, f))
        assert row.done == (m == 0 and f == 0)
    assert table.loc[table.learner == "Ben", "attempts"].tolist() == [2, 1]


def test_per_exercise_sums(exports):
    per = summarise(exports, chart=False).by_exercise
    assert list(per.columns) == list(BY_EXERCISE_COLUMNS)
    assert dict(per.dtypes.astype(str)) == BY_EXERCISE_COLUMNS
    for row in per.itertuples():
        counts = [latest(name, row.exercise) for name in CLASS]
        hits, misses, alarms = (sum(c[i] for c in counts) for i in range(3))
        assert (row.learners, row.hits, row.misses, row.false_alarms) == (3, hits, misses, alarms)
        assert row.done == sum(m == 0 and f == 0 for _, m, f in counts)
        assert row.mean_score == pytest.approx(sum(score(*c) for c in counts) / 3)
        assert row.false_alarms_per_learner == pytest.approx(alarms / 3)
    # 02: 1 miss vs 5 false alarms; 03: 5 misses vs 1 false alarm.
    assert per.set_index("exercise")["more_often"].to_dict() == {
        "02-find-hedges": "false alarms", "03-sources": "misses"}


def test_chart_draws_the_sums(exports):
    result = summarise(exports)
    ax = result.figure.axes[0]
    heights = [round(bar.get_height()) for bar in ax.patches]
    per = result.by_exercise
    assert heights == [*per.hits, *per.misses, *per.false_alarms]
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels[1].startswith("Misses") and labels[2].startswith("False alarms")
    assert [t.get_text() for t in ax.get_xticklabels()] == per.exercise.tolist()
    assert "3 learners" in ax.get_title(loc="left")
    # Colour is not the only cue: misses and false alarms are hatched.
    n = len(per)
    hatches = [bar.get_hatch() or "" for bar in ax.patches]
    assert hatches == [""] * n + ["//"] * n + ["xx"] * n


def test_a_folder_stands_for_its_json_files(exports):
    result = summarise(exports[0].parent, chart=False)
    assert result.learners == ("Ana", "Ben", "Cai")
    assert summarise([str(exports[0].parent)], chart=False).table.equals(result.table)


def test_no_name_means_the_file_name(tmp_path):
    path = export_for(tmp_path, None, CLASS["Ana"], name="student-7")
    assert summarise([path], chart=False).learners == ("student-7",)


def test_two_files_of_one_learner_keep_the_later(tmp_path):
    first = export_for(tmp_path, "Ana", CLASS["Ana"], name="ana-monday")
    second = export_for(tmp_path, "Ana", CLASS["Cai"], name="ana-friday")
    data = json.loads(second.read_text())
    data["exported_at"] = "2999-01-01T00:00:00+00:00"
    second.write_text(json.dumps(data))
    with pytest.warns(UserWarning, match="both from 'Ana'"):
        result = summarise([second, first], chart=False)
    assert result.files == (second,)
    assert result.table.hits.tolist() == [5, 1]  # Cai's answers, as handed in on Friday


def test_an_answer_shown_without_a_check_has_no_counts(tmp_path):
    store = ProgressStore(tmp_path / "p.json")
    store.record_answer_shown("04", "04-outlet-card", kind="single_choice", question="Q")
    path = store.export(tmp_path / "dee.json", learner="Dee")
    result = summarise([path], chart=False)
    row = result.table.iloc[0]
    assert row.attempts == 0 and row.answer_shown and row.hits is pd_na()
    per = result.by_exercise.iloc[0]
    assert (per.learners, per.hits, per.answer_shown, per.more_often) == (0, 0, 1, "none")
    assert per.mean_score is pd_na()


def pd_na():
    import pandas as pd

    return pd.NA


def test_an_empty_class_still_has_every_column(tmp_path):
    path = ProgressStore(tmp_path / "p.json").export(tmp_path / "e.json", learner="Eve")
    result = summarise([path])
    assert list(result.table.columns) == list(TABLE_COLUMNS) and result.table.empty
    assert list(result.by_exercise.columns) == list(BY_EXERCISE_COLUMNS)
    assert result.figure.axes[0].texts[0].get_text() == "No answers yet"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "There is no file at"),
        (b"\xff\xfe\x00", "it is not text"),
        ("{not json", "not valid JSON"),
        ("[1, 2]", "not a medialit export (its format is 'list'"),
        ('{"format": "something-else"}', "its format is 'something-else'"),
        ('{"format": "medialit-progress", "version": 1, "lessons": {}}',
         "a learner's own progress file, not an export"),
        ('{"format": "medialit-progress-export", "version": 9, "exercises": []}', "version 9"),
        ('{"format": "medialit-progress-export", "version": 1}', "'exercises' is missing"),
        ('{"format": "medialit-progress-export", "version": 1, "exercises": [{"lesson": "02"}]}',
         "exercises[0] has no 'id'"),
        ('{"format": "medialit-progress-export", "version": 1, "exercises": '
         '[{"lesson": "02", "id": "02-x", "attempts": [], "hits": "many"}]}',
         "exercises[0].hits is 'many'"),
    ],
)
def test_bad_files_are_named(tmp_path, exports, content, message):
    bad = tmp_path / "bad file.json"
    if isinstance(content, bytes):
        bad.write_bytes(content)
    elif content is not None:
        bad.write_text(content)
    with pytest.raises(ProgressError, match=re.escape(message)) as info:
        summarise([*exports, bad], chart=False)
    assert str(bad) in str(info.value)


def test_nothing_to_read(tmp_path):
    with pytest.raises(ProgressError, match="No files given"):
        summarise([], chart=False)
    (tmp_path / "empty").mkdir()
    with pytest.raises(ProgressError, match=r"holds no \.json files"):
        summarise(tmp_path / "empty", chart=False)


def test_matplotlib_is_imported_only_for_the_chart(exports):
    code = (
        "import sys\nfrom medialit.teach.classroom import summarise\n"
        f"summarise({[str(p) for p in exports]!r}, chart=False)\n"
        "assert 'matplotlib' not in sys.modules, 'imported without a chart'\n"
        f"summarise({[str(p) for p in exports]!r})\n"
        "assert 'matplotlib' in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr


def test_summary_shows_in_a_notebook(exports):
    result = summarise(exports, chart=False)
    shown = result._repr_html_()
    assert "3 learner(s), 2 exercise(s)" in shown and "02-find-hedges" in shown
    assert repr(result) == "ClassSummary(learners=3, exercises=2, rows=6)"


def test_export_format_names_match_progress():
    # summarise reads what progress.export writes; the names must not drift apart.
    assert classroom.EXPORT_FORMAT == progress.EXPORT_FORMAT == "medialit-progress-export"
