"""Sign-in: the right password opens the account; any wrong part gets the same message."""

import pytest

from hydreight_desktop.domain.errors import AuthenticationFailed
from hydreight_desktop.services.auth import SIGN_IN_REFUSED, sign_in
from tests.conftest import ADMIN_EMAIL, ADMIN_PASSWORD


def test_email_is_matched_case_blind(uow, business):
    actor = sign_in(uow, business.id, ADMIN_EMAIL.upper(), ADMIN_PASSWORD)
    assert actor.email == ADMIN_EMAIL


@pytest.mark.parametrize(
    "email,password",
    [
        (ADMIN_EMAIL, "wrong-password"),
        ("nobody@glowclinic.com", ADMIN_PASSWORD),
        ("not-an-email", "x"),
    ],
)
def test_wrong_email_or_password_gives_no_hint_which_was_wrong(uow, business, email, password):
    with pytest.raises(AuthenticationFailed) as err:
        sign_in(uow, business.id, email, password)
    assert str(err.value) == SIGN_IN_REFUSED
