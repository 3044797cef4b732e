"""``python main.py handouts ...``: the same handouts from the command line, clear refusals."""

from __future__ import annotations

import argparse
import os

import pytest

from hydreight_desktop.cli import handouts as cli
from hydreight_desktop.services.link_codes import business_link, csp_link
from tests.handouts_support import add_csp
from tests.pdf_scan import decode_qr_codes, render_pages


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="main.py")
    cli.add_parser(parser.add_subparsers(dest="command"))
    return parser.parse_args(["handouts", *argv])


@pytest.fixture
def clinic(store, uow, admin, tmp_path):
    jane = add_csp(uow, admin, "Jane Rivera", "jane@glowclinic.com")
    sam = add_csp(uow, admin, "Sam Lee", "sam@glowclinic.com", live=False)
    out = tmp_path / "out"
    out.mkdir()
    return {"db": str(store.path), "jane": jane, "sam": sam, "out": out}


def test_flyers_for_chosen_providers_are_saved(clinic, uow, admin, capsys):
    out = clinic["out"] / "flyers.pdf"
    code = cli.run(
        parse(
            "--csp",
            "JANE@glowclinic.com",
            "--layout",
            "flyer",
            "--paper",
            "a4",
            "--out",
            str(out),
            "--db",
            clinic["db"],
        )
    )
    assert code == 0
    assert "Saved flyer PDF for 1 provider (A4)" in capsys.readouterr().out
    (page,) = render_pages(out.read_bytes())
    assert decode_qr_codes(page) == [csp_link(uow, admin, clinic["jane"]).link]


def test_all_providers_need_confirmation_when_one_is_not_live(clinic, capsys):
    out = clinic["out"] / "cards.pdf"
    args = ("--all", "--layout", "cards", "--out", str(out), "--db", clinic["db"])
    assert cli.run(parse(*args)) == 1
    err = capsys.readouterr().err
    assert "Sam Lee" in err and "--include-not-live" in err
    assert os.listdir(clinic["out"]) == []
    assert cli.run(parse(*args, "--include-not-live")) == 0
    assert len(render_pages(out.read_bytes())) == 2  # a sheet for each provider


def test_the_table_tent_carries_the_business_code(clinic, uow, admin):
    out = clinic["out"] / "tent.pdf"
    assert cli.run(parse("--layout", "tent", "--out", str(out), "--db", clinic["db"])) == 0
    (page,) = render_pages(out.read_bytes())
    assert decode_qr_codes(page) == [business_link(uow, admin).link] * 2


def test_an_unknown_provider_email_is_named_and_nothing_is_written(clinic, capsys):
    out = clinic["out"] / "flyers.pdf"
    code = cli.run(
        parse(
            "--csp",
            "jane@glowclinic.com",
            "--csp",
            "nobody@glowclinic.com",
            "--layout",
            "flyer",
            "--out",
            str(out),
            "--db",
            clinic["db"],
        )
    )
    assert code == 1
    assert "nobody@glowclinic.com" in capsys.readouterr().err
    assert os.listdir(clinic["out"]) == []


def test_an_unwritable_output_path_is_refused(clinic, capsys):
    code = cli.run(
        parse(
            "--all",
            "--layout",
            "flyer",
            "--db",
            clinic["db"],
            "--out",
            str(clinic["out"] / "missing" / "flyers.pdf"),
        )
    )
    assert code == 1
    assert "does not exist" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--layout", "flyer"), "--csp EMAIL"),
        (("--layout", "tent", "--all"), "leave out --csp"),
    ],
)
def test_a_request_that_does_not_make_sense_explains_itself(clinic, capsys, argv, message):
    out = clinic["out"] / "x.pdf"
    assert cli.run(parse(*argv, "--out", str(out), "--db", clinic["db"])) == 2
    assert message in capsys.readouterr().err


def test_a_missing_data_file_is_reported(tmp_path, capsys):
    code = cli.run(
        parse(
            "--layout",
            "tent",
            "--out",
            str(tmp_path / "t.pdf"),
            "--db",
            str(tmp_path / "nowhere.sqlite"),
        )
    )
    assert code == 1
    assert "no clinic data" in capsys.readouterr().err
    assert not (tmp_path / "nowhere.sqlite").exists()


@pytest.mark.parametrize("db_first", [True, False])
def test_main_py_dispatches_the_handouts_command(clinic, db_first):
    from hydreight_desktop.app import main

    out = clinic["out"] / "tent.pdf"
    db = ["--db", clinic["db"]]
    command = ["handouts", "--layout", "tent", "--out", str(out)]
    assert main(db + command if db_first else command + db) == 0
    assert out.read_bytes().startswith(b"%PDF")
