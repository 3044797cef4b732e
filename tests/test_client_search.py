"""The clients list: search by name, email or phone in SQL, over generated clients."""

from dataclasses import replace

import pytest
from sqlalchemy import select

from hydreight_desktop.domain.clients import parse_client_query, search_key
from hydreight_desktop.domain.errors import PermissionDenied, ValidationError
from hydreight_desktop.domain.roles import Role
from hydreight_desktop.services.business import BusinessSettings, NewBusiness, create_business
from hydreight_desktop.services.clients import (
    ClientForm,
    client_rows,
    count_clients,
    create_client,
    search_client_ids,
)
from hydreight_desktop.services.context import system_actor
from hydreight_desktop.services.demo import generate_clients
from hydreight_desktop.store.models import Client
from tests.setup_helpers import (
    add_csp,
    nothing_written,
    write_count,
)

GENERATED = 3000


@pytest.fixture
def crowd(uow, admin):
    """A business with generated clients plus a few known ones."""
    generate_clients(uow, admin.business_id, GENERATED, seed=11)
    known = {
        "anna": create_client(uow, admin, ClientForm("Anna", "Smithfield", "anna.sf@gmail.com", "(305) 555-0120")),
        "jose": create_client(uow, admin, ClientForm("José", "Núñez", "jnunez@outlook.com", "(212) 555-0177")),
        "mary": create_client(uow, admin, ClientForm("Mary Ann", "De la Cruz", "maryann@icloud.com")),
    }  # fmt: skip
    return {k: v.id for k, v in known.items()}


def rows_for(uow, actor, ids):
    return client_rows(uow, actor, ids)


def test_generated_clients_are_found_by_last_name_prefix_in_name_order(uow, admin, crowd):
    ids = search_client_ids(uow, admin, "Smi")
    rows = rows_for(uow, admin, ids)
    assert rows and all(
        r.last_name.lower().startswith("smi")
        or r.first_name.lower().startswith("smi")
        or r.email.lower().startswith("smi")
        for r in rows
    )
    keys = [(search_key(r.last_name), search_key(r.first_name)) for r in rows]
    assert keys == sorted(keys)
    with_smith = [r for r in rows if r.last_name == "Smith"]
    assert with_smith, "the seeded generator always produces Smiths among 3,000 clients"


def test_search_matches_exactly_what_a_full_scan_would(uow, admin, crowd):
    with uow.read() as s:
        everyone = s.execute(
            select(Client.id, Client.first_name_key, Client.last_name_key, Client.email_key)
        ).all()
    for text in ("ma", "gar", "john", "z"):
        expected = {
            r.id for r in everyone
            if r.first_name_key.startswith(text) or r.last_name_key.startswith(text) or r.email_key.startswith(text)
        }  # fmt: skip
        assert set(search_client_ids(uow, admin, text)) == expected, text


def test_first_and_last_name_together_find_the_client(uow, admin, crowd):
    assert search_client_ids(uow, admin, "anna smi") == [crowd["anna"]]
    assert search_client_ids(uow, admin, "smithfield, anna") == [crowd["anna"]]
    assert search_client_ids(uow, admin, "mary ann de la") == [crowd["mary"]]


def test_search_ignores_case_and_accents(uow, admin, crowd):
    assert crowd["jose"] in search_client_ids(uow, admin, "jose nunez")
    assert crowd["jose"] in search_client_ids(uow, admin, "NÚÑEZ")


def test_email_prefix_finds_the_client(uow, admin, crowd):
    assert search_client_ids(uow, admin, "anna.sf@") == [crowd["anna"]]
    assert search_client_ids(uow, admin, "ANNA.SF@GMAIL.COM") == [crowd["anna"]]
    some = rows_for(uow, admin, search_client_ids(uow, admin, "")[:1])[0]
    assert some.id in search_client_ids(uow, admin, some.email[:12])


def test_phone_digits_find_the_client_however_they_are_typed(uow, admin, crowd):
    for typed in ("305 555 0120", "(305) 555-01", "+1 305-555-0120", "3055550120"):
        assert crowd["anna"] in search_client_ids(uow, admin, typed), typed
    generated = rows_for(uow, admin, search_client_ids(uow, admin, "", sort="newest")[-1:])[0]
    assert generated.id in search_client_ids(uow, admin, generated.phone[2:8])


def test_an_empty_search_lists_every_client(uow, admin, crowd):
    assert len(search_client_ids(uow, admin, "  ")) == GENERATED + 3 == count_clients(uow, admin)


@pytest.mark.parametrize("sort", ["name", "first_name", "email", "newest"])
def test_every_sort_lists_the_same_clients(uow, admin, crowd, sort):
    ids = search_client_ids(uow, admin, "a", sort=sort)
    assert sorted(ids) == sorted(search_client_ids(uow, admin, "a"))


def test_unknown_sort_is_refused(uow, admin):
    with pytest.raises(ValidationError):
        search_client_ids(uow, admin, "", sort="shoe size")


def test_rows_come_back_in_the_order_asked(uow, admin, crowd):
    ids = search_client_ids(uow, admin, "")[:40]
    wanted = list(reversed(ids)) + ["no-such-id"]
    assert [r.id for r in client_rows(uow, admin, wanted)] == list(reversed(ids))
    assert client_rows(uow, admin, []) == []


def test_another_business_never_sees_these_clients(uow, admin, crowd):
    other = create_business(
        uow,
        NewBusiness(
            BusinessSettings(name="Other Clinic"), "O", "o@otherclinic.com", "password-123"
        ),
    )
    outsider = system_actor(other.id)
    assert search_client_ids(uow, outsider, "") == []
    assert client_rows(uow, outsider, [crowd["anna"]]) == []


def test_a_csp_can_search_clients(uow, admin, crowd):
    nina, _ = add_csp(uow, admin)
    assert search_client_ids(uow, nina, "anna smi") == [crowd["anna"]]


def test_an_hcp_reads_clients_but_cannot_add_them(uow, admin, crowd):
    hcp = replace(admin, role=Role.HCP)
    assert search_client_ids(uow, hcp, "anna smi") == [crowd["anna"]]
    with nothing_written(uow), pytest.raises(PermissionDenied):
        create_client(uow, hcp, ClientForm("A", "B", "ab@gmail.com"))


def test_generated_clients_are_local_demo_data_and_skip_the_outbox(uow, admin):
    before = write_count(uow)
    assert generate_clients(uow, admin.business_id, 500, seed=3) == 500
    assert write_count(uow) == before
    assert count_clients(uow, admin) == 500


def test_generating_twice_keeps_every_email_unique(uow, admin):
    generate_clients(uow, admin.business_id, 400, seed=5)
    generate_clients(uow, admin.business_id, 400, seed=5)
    with uow.read() as s:
        keys = s.scalars(select(Client.email_key)).all()
    assert len(keys) == len(set(keys)) == 800


def test_generated_rows_have_search_keys_matching_their_names(uow, admin):
    generate_clients(uow, admin.business_id, 300, seed=9)
    with uow.read() as s:
        rows = s.scalars(select(Client)).all()
    assert all(r.first_name_key == search_key(r.first_name) for r in rows)
    assert all(r.phone == "+1" + r.phone_digits for r in rows)


def test_query_kinds_are_understood():
    assert parse_client_query("").kind == "all"
    assert parse_client_query("anna@").kind == "email"
    assert parse_client_query("(305) 555").kind == "phone"
    assert parse_client_query("+1 305").digits == ("1305", "305")
    assert parse_client_query("Smith,  Anna").words == ("smith", "anna")
    assert parse_client_query("12").kind == "name"  # too few digits to be a phone
