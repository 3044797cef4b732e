"""`main.py --smoke` brings the whole UI up on a fresh demo store and pictures every section."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_smoke_run_opens_every_section_and_saves_a_picture_of_each(tmp_path):
    shots = tmp_path / "shots"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [
            sys.executable,
            "main.py",
            "--smoke",
            "--db",
            str(tmp_path / "s.sqlite"),
            "--screenshots",
            str(shots),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    opened = [
        line.split()[1]
        for line in result.stdout.splitlines()
        if line.startswith("smoke: ") and line.endswith(" ok")
    ]
    assert opened and "home" in opened
    assert sorted(p.stem for p in shots.glob("*.png")) == sorted(opened)


def test_smoke_run_refuses_a_store_that_is_not_the_demo(tmp_path, template_store_path):
    import shutil

    from hydreight_desktop.services.business import BusinessSettings, NewBusiness, create_business
    from hydreight_desktop.store.engine import open_store
    from hydreight_desktop.store.uow import UnitOfWork

    path = tmp_path / "real.sqlite"
    shutil.copyfile(template_store_path, path)
    store = open_store(path)
    create_business(
        UnitOfWork(store),
        NewBusiness(
            BusinessSettings(name="Real Clinic"), "Ann", "ann@realclinic.com", "password-123"
        ),
    )
    store.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "main.py", "--smoke", "--db", str(path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "demo" in result.stderr
