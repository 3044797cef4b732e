"""setup extras: the clients list's sort index also covers the id

Revision ID: 0005_setup_extras
Revises: 0001_foundation
"""

from __future__ import annotations

from alembic import op

revision = "0005_setup_extras"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.drop_index("ix_clients_sort")
        batch_op.create_index(
            "ix_clients_sort",
            ["business_id", "last_name_key", "first_name_key", "id"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.drop_index("ix_clients_sort")
        batch_op.create_index(
            "ix_clients_sort", ["business_id", "last_name_key", "first_name_key"], unique=False
        )
