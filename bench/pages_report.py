"""The arithmetic and the tables of ``nangsuat bench pages`` (bench/pages.py), kept free of the server and
the database: the order of the requests, the percentiles, the ratios to the floor, the Markdown tables and
the scaling table read from the JSON files of several runs."""

import json
import statistics
from pathlib import Path

FLOORS = ("floor: bare", "floor: base")
SIGNED_IN_FLOOR = "floor: base"
SIZES = (10_000, 100_000, 1_000_000)
BEYOND = 3.0  # a page slower than this many times the signed-in floor's p95 is reported


def percentile(values: list[float], pct: float) -> float:
    """The nearest-rank percentile (the value at rank ⌈pct/100 × n⌉ of the sorted values)."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    rank = -(-pct * len(ordered) // 100)  # ceiling, in integers for whole percentages
    return ordered[min(len(ordered), max(1, int(rank))) - 1]


def summary_ms(seconds: list[float]) -> dict:
    return {
        "n": len(seconds),
        "p50_ms": round(statistics.median(seconds) * 1000, 1),
        "p95_ms": round(percentile(seconds, 95) * 1000, 1),
        "max_ms": round(max(seconds) * 1000, 1),
    }


def interleave(
    pages: list[tuple[str, str]], floors: list[tuple[str, str]], samples: int
) -> list[tuple[str, str]]:
    """The order of the requests: each page followed by every floor view, all pages in turn, ``samples``
    rounds (page A, bare, base, page B, bare, base, …, page A, …), so that a change in the machine's load
    during the run falls on every page and on the floors alike."""
    order: list[tuple[str, str]] = []
    for _round in range(samples):
        for page in pages:
            order.append(page)
            order.extend(floors)
    return order


def with_ratios(stats: dict[str, dict], floor: str = SIGNED_IN_FLOOR) -> dict[str, dict]:
    """Each page's summary with its p50 and p95 divided by the floor's."""
    base = stats[floor]
    out = {}
    for name, s in stats.items():
        out[name] = {
            **s,
            "x_floor_p50": round(s["p50_ms"] / base["p50_ms"], 1) if base["p50_ms"] else None,
            "x_floor_p95": round(s["p95_ms"] / base["p95_ms"], 1) if base["p95_ms"] else None,
        }
    return out


def beyond(stats: dict[str, dict], factor: float = BEYOND) -> list[str]:
    """The pages whose p95 is more than ``factor`` times the signed-in floor's p95."""
    return [
        name
        for name, s in stats.items()
        if name not in FLOORS and s.get("x_floor_p95") is not None and s["x_floor_p95"] > factor
    ]


def _number(value, digits: int = 1) -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and digits:
        return f"{value:,.{digits}f}"
    return f"{value:,}"


def pages_table(
    stats: dict[str, dict], queries: dict[str, int] | None = None, sql_ms: dict | None = None
) -> str:
    queries, sql_ms = queries or {}, sql_ms or {}
    lines = [
        "| page | p50 ms | p95 ms | max ms | ×floor p50 | ×floor p95 | queries | SQL ms |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, s in stats.items():
        flag = " **>3×**" if name in beyond(stats) else ""
        lines.append(
            f"| {name} | {_number(s['p50_ms'])} | {_number(s['p95_ms'])} | {_number(s['max_ms'])} | "
            f"{_number(s.get('x_floor_p50'))} | {_number(s.get('x_floor_p95'))}{flag} | "
            f"{_number(queries.get(name), 0)} | {_number(sql_ms.get(name))} |"
        )
    return "\n".join(lines)


def throughput_table(throughput: dict[str, dict], floor: str = SIGNED_IN_FLOOR) -> str:
    base = throughput.get(floor, {}).get("per_s")
    lines = [
        "| page | clients | seconds | requests | not 200 | requests/s | ×floor |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, t in throughput.items():
        ratio = round(t["per_s"] / base, 2) if base else None
        lines.append(
            f"| {name} | {t['clients']} | {t['seconds']} | {t['requests']:,} | {t['not_200']} | "
            f"{_number(t['per_s'])} | {_number(ratio, 2)} |"
        )
    return "\n".join(lines)


def report(results: dict) -> str:
    """The Markdown the bench prints: the rows, the machine's load, both tables and the slow pages."""
    rows = results["rows"]
    load = results["load_average"]
    parts = [
        f"### {results['enterprises']:,} enterprises, {results['dossiers']:,} dossiers, "
        f"{results['contracts']:,} contracts ({rows:,} rows asked)",
        "",
        f"{results['web_workers']} gunicorn workers, {results['cpus']} CPUs, {results['samples']} samples per page; "
        f"load average (1 min) {load['before'][0]:.2f} before, {load['after'][0]:.2f} after. "
        + ", ".join(f"{k} = {v}" for k, v in results.get("chosen", {}).items()),
        "",
        pages_table(results["pages"], results.get("queries"), results.get("sql_ms")),
        "",
        throughput_table(results["throughput"]),
        "",
    ]
    slow = results.get("beyond_3x_floor_p95") or []
    parts.append("Beyond 3 × the signed-in floor's p95: " + (", ".join(slow) or "none") + ".")
    return "\n".join(parts)


def compare(folder: Path, sizes: tuple[int, ...] = SIZES) -> str:
    """The p95 of every page at each size measured (``pages-N.json`` in ``folder``) and the ratio of the
    largest size to the smallest."""
    runs = {
        n: json.loads((folder / f"pages-{n}.json").read_text())
        for n in sizes
        if (folder / f"pages-{n}.json").exists()
    }
    if not runs:
        raise ValueError(f"No pages-N.json in {folder}: run `nangsuat bench pages --rows N` first.")
    return scaling_table(runs)


def scaling_table(runs: dict[int, dict]) -> str:
    """p95 at each size, the ratio of the largest size's to the smallest's, and the same ratio of the
    pages' p95 counted in signed-in floors (which cancels a change in the machine's load between runs)."""
    sizes = sorted(runs)
    first, last = sizes[0], sizes[-1]
    names: list[str] = []
    for n in sizes:
        names += [name for name in runs[n]["pages"] if name not in names]
    head = " | ".join(f"p95 ms at {n:,}" for n in sizes)
    floors = " | ".join(f"×floor p95 at {n:,}" for n in sizes)
    ratio_head = f"{last:,} / {first:,}"
    lines = [
        f"| page | {head} | {ratio_head} | {floors} | {ratio_head} in floors |",
        "|---|" + "---|" * (2 * len(sizes) + 2),
    ]
    for name in names:
        values = [runs[n]["pages"].get(name, {}).get("p95_ms") for n in sizes]
        in_floors = [runs[n]["pages"].get(name, {}).get("x_floor_p95") for n in sizes]
        lines.append(
            f"| {name} | {' | '.join(_number(v) for v in values)} | {_number(_ratio(values))} | "
            f"{' | '.join(_number(v) for v in in_floors)} | {_number(_ratio(in_floors))} |"
        )
    return "\n".join(lines)


def _ratio(values: list) -> float | None:
    low, high = values[0], values[-1]
    return round(high / low, 1) if len(values) > 1 and low and high else None
