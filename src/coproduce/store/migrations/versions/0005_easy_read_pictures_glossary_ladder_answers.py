"""Easy-read documents and the guided ladder questions.

- ``glossary_terms``: the hard words with plain alternatives and easy explanations.
- ``picture_choices``: the picture chosen for a concept, remembered for next time.
- ``row_pictures``: which concept illustrates a session, agenda item, contribution, response or
  action in an easy-read document (one row per record, cascading with it).
- ``ladder_assessments.answers`` / ``suggested_rung``: the guided questions' answers and the
  rung they suggested; ``ladder_response_evidence``: responses as evidence.

New tables and added columns only. The columns are added with ALTER TABLE ADD COLUMN (allowed by
SQLite for a nullable column or NOT NULL with a default), so no table is copied and rebuilt:
a rebuild of ``ladder_assessments`` would drop it while ``ladder_evidence`` points at it.

Revision ID: 0005
Revises: 0004
Created: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

ROW_KINDS = (
    ("meeting_id", "meetings"),
    ("agenda_item_id", "agenda_items"),
    ("contribution_id", "contributions"),
    ("response_id", "responses"),
    ("action_id", "actions"),
)


def upgrade() -> None:
    op.create_table(
        "glossary_terms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("term", sa.Text(), nullable=False),
        sa.Column("term_key", sa.String(length=200), nullable=False),
        sa.Column("plain", sa.Text(), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_glossary_terms")),
        sa.UniqueConstraint("term_key", name=op.f("uq_glossary_terms_term_key")),
    )
    op.create_table(
        "picture_choices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("concept", sa.String(length=200), nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("reference", sa.Text(), nullable=False),
        sa.Column("alt_text", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_picture_choices")),
        sa.UniqueConstraint("concept", name=op.f("uq_picture_choices_concept")),
    )
    op.create_table(
        "row_pictures",
        sa.Column("id", sa.Integer(), nullable=False),
        *(sa.Column(column, sa.Integer(), nullable=True) for column, _ in ROW_KINDS),
        sa.Column("concept", sa.String(length=200), nullable=False),
        *(
            sa.ForeignKeyConstraint(
                [column],
                [f"{table}.id"],
                name=op.f(f"fk_row_pictures_{column}_{table}"),
                ondelete="CASCADE",
            )
            for column, table in ROW_KINDS
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_row_pictures")),
        *(
            sa.UniqueConstraint(column, name=op.f(f"uq_row_pictures_{column}"))
            for column, _ in ROW_KINDS
        ),
    )
    op.add_column(
        "ladder_assessments", sa.Column("answers", sa.Text(), nullable=False, server_default="")
    )
    op.add_column("ladder_assessments", sa.Column("suggested_rung", sa.Integer(), nullable=True))
    # Responses as evidence get a table of their own rather than a column on ladder_evidence:
    # SQLite cannot add a foreign key to an existing table without rebuilding it.
    op.create_table(
        "ladder_response_evidence",
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("response_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["ladder_assessments.id"],
            name=op.f("fk_ladder_response_evidence_assessment_id_ladder_assessments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["response_id"],
            ["responses.id"],
            name=op.f("fk_ladder_response_evidence_response_id_responses"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "assessment_id", "response_id", name=op.f("pk_ladder_response_evidence")
        ),
    )


def downgrade() -> None:
    op.drop_table("ladder_response_evidence")
    op.drop_column("ladder_assessments", "suggested_rung")
    op.drop_column("ladder_assessments", "answers")
    op.drop_table("row_pictures")
    op.drop_table("picture_choices")
    op.drop_table("glossary_terms")
