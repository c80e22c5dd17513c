#!/usr/bin/env python3
"""Write the illustrative 70-community Chidian tables (scenarios/tables/).

The field report (../shared/reports/) gives Chidian town's totals only:
70 communities, 991 new car spaces, 4,501 e-bike spaces, 4,603 chargers and
4,652,800 CNY invested. This script spreads them over 70 named communities
with a deterministic, illustrative pattern (sizes, fees and collection vary
with the community's index), so that every total equals the report's. The
spread is NOT data: every row's note says so. Rerun it to regenerate:
    python3 scenarios/tables/make_chidian.py
"""
import csv
import os

N = 70
here = os.path.dirname(os.path.abspath(__file__))
TOTAL = {"car": 991, "ebike_spaces": 4501, "ebike_ports": 4501, "ev_ports": 102}


def spread(total, weights):
    """Whole numbers proportional to weights that sum to total exactly."""
    s = sum(weights)
    raw = [total * w / s for w in weights]
    out = [int(r) for r in raw]
    rest = total - sum(out)
    order = sorted(range(len(raw)), key=lambda i: -(raw[i] - out[i]))
    for i in order[:rest]:
        out[i] += 1
    return out


def main():
    # community i: size 0.5..1.5 of the average (50,000 m2), three estate types
    size = [0.5 + ((i * 37) % 100) / 100.0 for i in range(N)]
    kinds = ["resettlement", "commercial", "old-town"]
    kind = [kinds[i % 3] for i in range(N)]
    area = [round(50000 * s / 100) * 100 for s in size]
    fee = {"resettlement": 0.5, "commercial": 1.3, "old-town": 0.7}
    coll = {"resettlement": 0.72, "commercial": 0.9, "old-town": 0.78}
    cost_m2 = {"resettlement": 0.48, "commercial": 1.22, "old-town": 0.62}  # total deficit before ~3.4M CNY a year, as chidian.csv
    cars = spread(TOTAL["car"], size)
    ebikes = spread(TOTAL["ebike_spaces"], [s * (1.3 if k != "commercial" else 0.7) for s, k in zip(size, kind)])
    ports = list(ebikes)  # one e-bike port per new e-bike space
    ev = spread(TOTAL["ev_ports"], [s if k == "commercial" else 0.2 * s for s, k in zip(size, kind)])
    names = ["c%02d" % (i + 1) for i in range(N)]
    note = "illustrative spread of the report's totals over 70 communities (make_chidian.py); not data"
    with open(os.path.join(here, "chidian-communities.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["section", "area_m2", "fee_rate", "collection_start", "collection_target",
                    "ramp_months", "cost_annual", "cost_annual.low", "cost_annual.high",
                    "cost_growth", "households", "area_m2.note"])
        for i, n in enumerate(names):
            k = kind[i]
            cost = round(area[i] * cost_m2[k] * 12)
            w.writerow(["community:" + n, area[i], fee[k], coll[k], round(min(0.95, coll[k] + 0.07), 2),
                        24, cost, round(cost * 0.97), round(cost * 1.03), 0.02, area[i] // 100,
                        note + " (" + k + " estate)"])
    with open(os.path.join(here, "chidian-levers.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["section", "like", "community", "spaces", "ports", "start_month", "spaces.note",
                    "ports.note"])
        for i, n in enumerate(names):
            if cars[i]:
                w.writerow(["parking:%s-car" % n, "parking:tpl-car", n, cars[i], "", "", note, ""])
            if ebikes[i]:
                w.writerow(["parking:%s-ebike" % n, "parking:tpl-ebike", n, ebikes[i], "", "", note, ""])
            # e-bike chargers in two phases: 60% in month 1, the rest in month 13
            p1 = round(ports[i] * 0.6)
            if p1:
                w.writerow(["chargers:%s-ports" % n, "chargers:tpl-ebike-port", n, "", p1, 1, "", note])
            if ports[i] - p1:
                w.writerow(["chargers:%s-ports2" % n, "chargers:%s-ports" % n, "", "", ports[i] - p1,
                            13, "", "phase 2 of the community's e-bike ports, a year later"])
            if ev[i]:
                w.writerow(["chargers:%s-ev" % n, "chargers:tpl-ev-port", n, "", ev[i], "", "", note])
    print("totals: car %d, e-bike spaces %d, e-bike ports %d, EV ports %d, area %d m2" % (
        sum(cars), sum(ebikes), sum(ports), sum(ev), sum(area)))


if __name__ == "__main__":
    main()
