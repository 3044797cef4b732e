"""``python main.py handouts``: QR flyers, business cards or the table tent as one PDF.

Examples::

    python main.py handouts --all --layout flyer --paper letter --out flyers.pdf
    python main.py handouts --csp jane@clinic.com --csp sam@clinic.com --layout cards \\
        --paper a4 --out cards.pdf
    python main.py handouts --layout tent --out tent.pdf
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hydreight_desktop.documents.handouts import HandoutCancelled, Layout, Paper
from hydreight_desktop.domain.errors import DomainError
from hydreight_desktop.services.business import first_business
from hydreight_desktop.services.context import Actor, system_actor
from hydreight_desktop.services.handouts import (
    HandoutRequest,
    NotLiveWarning,
    all_csp_ids,
    check_output_path,
    csp_ids_for_emails,
    save_handouts_pdf,
)
from hydreight_desktop.store.engine import default_store_path, open_store
from hydreight_desktop.store.uow import UnitOfWork

NAME = "handouts"
EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        NAME,
        help="print CSP QR flyers, business cards or the front-desk table tent as a PDF",
        description=__doc__.replace("``", "").replace("::", ":"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    who = parser.add_mutually_exclusive_group()
    who.add_argument("--csp", action="append", metavar="EMAIL", dest="csp_emails",
                     help="a provider's email (repeat for several)")
    who.add_argument("--all", action="store_true", dest="all_csps", help="every provider")
    parser.add_argument("--layout", required=True, choices=[x.value for x in Layout],
                        help="flyer: a page per provider; cards: 10 business cards a sheet; "
                             "tent: the business's code for the front desk")
    parser.add_argument("--paper", default=Paper.LETTER.value, choices=[x.value for x in Paper])
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help="where to save the PDF")
    parser.add_argument("--services", action="store_true",
                        help="list the services and prices on flyers")
    parser.add_argument("--logo", metavar="IMAGE", help="a PNG or JPEG logo (default: initials)")
    parser.add_argument("--include-not-live", action="store_true",
                        help="print for providers whose account is not live yet")
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help="the clinic's data file (default: this computer's)")
    parser.set_defaults(command=NAME)
    return parser


def _fail(message: str, code: int = EXIT_REFUSED) -> int:
    print(f"handouts: {message}", file=sys.stderr)
    return code


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        end = "\n" if done == total else ""
        print(f"\rMaking handouts: {done} of {total}", end=end, file=sys.stderr, flush=True)


def _actor(uow: UnitOfWork) -> Actor | None:
    business = first_business(uow)
    return system_actor(business.id) if business else None


def run(args: argparse.Namespace) -> int:
    layout, paper = Layout(args.layout), Paper(args.paper)
    if layout.needs_csps and not (args.csp_emails or args.all_csps):
        return _fail(f"say whose {layout.value}s to print: --csp EMAIL (repeatable) or --all.",
                     EXIT_USAGE)
    if not layout.needs_csps and (args.csp_emails or args.all_csps):
        return _fail("the table tent carries the business's code; leave out --csp and --all.",
                     EXIT_USAGE)
    db = getattr(args, "db", None)
    path = Path(db).expanduser() if db else default_store_path()
    if not path.is_file():
        return _fail(f"no clinic data at {path}. Open the app once or give --db PATH.")
    try:
        check_output_path(args.out)
    except DomainError as error:
        return _fail(str(error))
    store = open_store(path)
    try:
        uow = UnitOfWork(store)
        actor = _actor(uow)
        if actor is None:
            return _fail(f"no business is set up in {path} yet.")
        if not layout.needs_csps:
            csp_ids: tuple[str, ...] = ()
        elif args.all_csps:
            csp_ids = all_csp_ids(uow, actor)
            if not csp_ids:
                return _fail("this business has no providers (CSPs) yet.")
        else:
            csp_ids = csp_ids_for_emails(uow, actor, args.csp_emails)
        request = HandoutRequest(layout, paper, csp_ids, include_services=args.services,
                                 logo_path=args.logo, confirm_not_live=args.include_not_live)
        saved = save_handouts_pdf(uow, actor, request, args.out, progress=_progress)
    except NotLiveWarning as warning:
        names = ", ".join(warning.names)
        return _fail(f"not live yet: {names}. Clients cannot book them from a handout. "
                     "Add --include-not-live to print anyway, or leave them out.")
    except HandoutCancelled:
        return _fail("cancelled; nothing was written.")
    except DomainError as error:
        return _fail(str(error))
    finally:
        store.close()
    who = f" for {saved.providers} provider{'s' if saved.providers != 1 else ''}" \
        if saved.providers else ""
    print(f"Saved {layout.value} PDF{who} ({paper.label}) to {saved.path}")
    return EXIT_OK
