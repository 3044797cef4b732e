"""handouts: booking-link codes for the business and each CSP

Revision ID: 0004_handouts
Revises: 0002_scheduling
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import hydreight_desktop.store.base

revision = "0004_handouts"
down_revision = "0002_scheduling"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "link_codes",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("csp_id", sa.String(length=36), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("activated_at", hydreight_desktop.store.base.UTCDateTime(), nullable=False),
        sa.Column("retired_at", hydreight_desktop.store.base.UTCDateTime(), nullable=True),
        sa.Column("retired_by_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", hydreight_desktop.store.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", hydreight_desktop.store.base.UTCDateTime(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=False),
        sa.Column("business_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["business_id"],
            ["businesses.id"],
            name=op.f("fk_link_codes_business_id_businesses"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["csp_id"],
            ["csp_profiles.id"],
            name=op.f("fk_link_codes_csp_id_csp_profiles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_link_codes")),
        sa.UniqueConstraint("code", name=op.f("uq_link_codes_code")),
    )
    with op.batch_alter_table("link_codes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_link_codes_business_id"), ["business_id"], unique=False
        )
        batch_op.create_index(
            "ix_link_codes_owner", ["business_id", "csp_id", "status"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("link_codes", schema=None) as batch_op:
        batch_op.drop_index("ix_link_codes_owner")
        batch_op.drop_index(batch_op.f("ix_link_codes_business_id"))
    op.drop_table("link_codes")
