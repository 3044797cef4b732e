"""handouts_pdf: flyers for 50 CSPs in one PDF, vs making the same 50 QR matrices alone.

The QR matrix (error correction, mask choice) is the irreducible work of a
handout; everything the flyer adds (layout, text fitting, vector drawing,
the PDF itself) must cost less than that again: goal ratio <= 2.0.
"""

from __future__ import annotations

from bench.common import BenchResult, interleaved_medians
from hydreight_desktop.documents.handouts import (
    BusinessHandout,
    CspHandout,
    Paper,
    PriceLine,
    flyers_pdf,
)
from hydreight_desktop.documents.qr import qr_matrix
from hydreight_desktop.domain.link_codes import build_link

BASE = "https://booking.hydreight.com/widget-business/"
CSP_COUNT = 50
FIRST = ("Jane", "Sam", "Ana", "Miguel", "Priya", "Olivia", "Noah", "Grace", "Liam", "Zoe")
LAST = ("Rivera", "Lee", "Ortiz", "Okafor", "Nguyen", "Fitzgerald-Montgomery", "Shah", "Kim")


def _handouts() -> tuple[BusinessHandout, list[CspHandout]]:
    services = (PriceLine("Athlete Recovery IV", 18900), PriceLine("Energy IV", 15900),
                PriceLine("B12 Injection", 3500), PriceLine("NAD+ 250 mg", 29900))
    business = BusinessHandout("Glow Mobile IV & Wellness", build_link(BASE, "7KQ4MX"), "7KQ4MX",
                               phone="(512) 555-0142", website="glowmobileiv.com")
    csps = []
    for i in range(CSP_COUNT):
        code = f"{i:02d}KQ4M".replace("0", "Z").replace("1", "Y")
        name = f"{FIRST[i % len(FIRST)]} {LAST[i % len(LAST)]}"
        csps.append(CspHandout(name, build_link(BASE, code), code, "Registered Nurse", services))
    return business, csps


def run() -> BenchResult:
    business, csps = _handouts()

    def flyers() -> None:
        flyers_pdf(business, csps, Paper.LETTER, include_services=True)

    def matrices() -> None:
        for csp in csps:
            qr_matrix(csp.link)

    value, baseline = interleaved_medians(flyers, matrices, repeat=5)
    return BenchResult("handouts_pdf", value, baseline, 2.0, "s")


if __name__ == "__main__":
    result = run()
    print(result.as_dict())
