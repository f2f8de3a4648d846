"""The arithmetic and tables of ``nangsuat bench pages`` (bench/pages_report.py)."""

import json

import pytest

from bench import pages_report as r


def test_percentile_is_the_nearest_rank():
    values = [float(v) for v in range(1, 101)]  # 1..100
    assert r.percentile(values, 50) == 50
    assert r.percentile(values, 95) == 95
    assert r.percentile(values, 100) == 100
    assert r.percentile([3.0, 1.0, 2.0], 95) == 3.0
    assert r.percentile([7.0], 50) == 7.0
    with pytest.raises(ValueError):
        r.percentile([], 50)


def test_summary_in_milliseconds():
    s = r.summary_ms([0.010, 0.020, 0.030, 0.040, 1.0])
    assert s == {"n": 5, "p50_ms": 30.0, "p95_ms": 1000.0, "max_ms": 1000.0}


def test_each_page_is_followed_by_every_floor_and_pages_take_turns():
    pages = [("a", "/a"), ("b", "/b")]
    floors = [("bare", "/f1"), ("base", "/f2")]
    order = r.interleave(pages, floors, 2)
    assert [name for name, _ in order] == ["a", "bare", "base", "b", "bare", "base"] * 2
    assert r.interleave(pages, floors, 0) == []


def _stats():
    return r.with_ratios(
        {
            "list": {"n": 3, "p50_ms": 40.0, "p95_ms": 100.0, "max_ms": 120.0},
            "api": {"n": 3, "p50_ms": 10.0, "p95_ms": 20.0, "max_ms": 25.0},
            "floor: bare": {"n": 6, "p50_ms": 2.0, "p95_ms": 4.0, "max_ms": 5.0},
            "floor: base": {"n": 6, "p50_ms": 10.0, "p95_ms": 25.0, "max_ms": 30.0},
        }
    )


def test_ratios_to_the_signed_in_floor_and_pages_beyond_three_times():
    stats = _stats()
    assert stats["list"]["x_floor_p50"] == 4.0 and stats["list"]["x_floor_p95"] == 4.0
    assert stats["floor: base"]["x_floor_p95"] == 1.0
    assert r.beyond(stats) == ["list"]


def test_tables_in_markdown():
    table = r.pages_table(_stats(), {"list": 9}, {"list": 3.25})
    lines = table.splitlines()
    assert lines[0] == "| page | p50 ms | p95 ms | max ms | ×floor p50 | ×floor p95 | queries | SQL ms |"
    assert "| list | 40.0 | 100.0 | 120.0 | 4.0 | 4.0 **>3×** | 9 | 3.2 |" in lines
    assert "| api | 10.0 | 20.0 | 25.0 | 1.0 | 0.8 | — | — |" in lines
    rates = {
        "floor: base": {"clients": 10, "seconds": 10.0, "requests": 400, "not_200": 0, "per_s": 40.0},
        "dossiers": {"clients": 10, "seconds": 10.2, "requests": 1200, "not_200": 1, "per_s": 10.0},
    }
    table = r.throughput_table(rates)
    assert "| dossiers | 10 | 10.2 | 1,200 | 1 | 10.0 | 0.25 |" in table.splitlines()


def test_scaling_table_from_the_saved_runs(tmp_path):
    for n, p95 in ((10_000, 50.0), (1_000_000, 400.0)):
        pages = {
            "list": {"p95_ms": p95, "x_floor_p95": p95 / 20},
            "floor: base": {"p95_ms": 20.0, "x_floor_p95": 1.0},
        }
        (tmp_path / f"pages-{n}.json").write_text(json.dumps({"pages": pages}))
    lines = r.compare(tmp_path).splitlines()
    assert lines[0] == (
        "| page | p95 ms at 10,000 | p95 ms at 1,000,000 | 1,000,000 / 10,000 "
        "| ×floor p95 at 10,000 | ×floor p95 at 1,000,000 | 1,000,000 / 10,000 in floors |"
    )
    assert "| list | 50.0 | 400.0 | 8.0 | 2.5 | 20.0 | 8.0 |" in lines
    assert "| floor: base | 20.0 | 20.0 | 1.0 | 1.0 | 1.0 | 1.0 |" in lines


def test_no_saved_runs(tmp_path):
    with pytest.raises(ValueError, match="pages-N.json"):
        r.compare(tmp_path)
