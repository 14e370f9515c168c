#!/usr/bin/env python3
"""Turns BenchmarkDotNet's GitHub-markdown reports into the README's benchmark tables.

Usage: python3 benchmarks/summarize.py [BenchmarkDotNet.Artifacts/results]
One table per database: a row per workload, a column per contender, each cell
"Mean (ratio to hand-tuned) / Allocated (ratio)".
"""
import glob
import os
import re
import sys

CONTENDERS = ["HandTunedAdoNet", "NeoGen", "TypicalAdoNet", "Dapper", "DapperAot", "EfCore"]
WORKLOADS = ["SingleRowByKey", "TwentyRowsByKey", "AllFortunes", "UpdateTwentyRows", "InsertOneRow", "Fetch1000Rows", "BulkInsert10000"]


def parse(path):
    rows = {}
    header = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("|"):
                continue
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if header is None:
                header = cells
                continue
            if set(cells[0]) <= {"-", ":", " "}:
                continue
            record = dict(zip(header, cells))
            method = record.get("Method", "").strip("'")
            rows[method] = record
    return rows


def cell(record):
    if record is None:
        return "n/a"
    mean = record.get("Mean", "?")
    ratio = record.get("Ratio", "")
    alloc = record.get("Allocated", "?")
    alloc_ratio = record.get("Alloc Ratio", "")
    if mean in ("NA", "?"):
        return "failed"
    return f"{mean} ({ratio}) / {alloc} ({alloc_ratio})"


def main():
    results = sys.argv[1] if len(sys.argv) > 1 else "BenchmarkDotNet.Artifacts/results"
    reports = {}
    for path in glob.glob(os.path.join(results, "*-report-github.md")):
        name = os.path.basename(path).replace("-report-github.md", "").split(".")[-1]
        reports[name] = parse(path)
    for database in ["Sqlite", "PostgreSql"]:
        print(f"**{'SQLite' if database == 'Sqlite' else 'PostgreSQL'}**: Mean (ratio) / Allocated (ratio), ratios to hand-tuned ADO.NET\n")
        print("| Workload | " + " | ".join(CONTENDERS) + " |")
        print("|---|" + "---|" * len(CONTENDERS))
        for workload in WORKLOADS:
            report = reports.get(database + workload)
            if report is None:
                continue
            print(f"| {workload} | " + " | ".join(cell(report.get(c)) for c in CONTENDERS) + " |")
        print()


if __name__ == "__main__":
    main()
