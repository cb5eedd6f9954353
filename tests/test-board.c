/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The board model: every operation, and that undo restores exactly.
 */
#include "config.h"

#include "obeya-board.h"
#include "obeya-card.h"
#include "obeya-checklist-item.h"
#include "obeya-column.h"
#include "obeya-history.h"
#include "obeya-lane.h"
#include "obeya-person.h"
#include "obeya-tag.h"
#include "obeya-workspace.h"

typedef struct
{
  ObeyaWorkspace *ws;
  ObeyaHistory   *history;
  ObeyaBoard     *board;
  ObeyaColumn    *col[5];
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  obeya_time_set_fake_now ("2026-11-02T09:00:00+01:00");
  f->ws = obeya_workspace_new ();
  f->history = obeya_workspace_get_history (f->ws);
  f->board = obeya_workspace_add_board (f->ws, "AP team", OBEYA_BOARD_TEAM,
                                        OBEYA_BOARD_TEMPLATE_BACK_OFFICE);
  for (guint i = 0; i < 5; i++)
    {
      f->col[i] = g_list_model_get_item (obeya_board_get_columns (f->board), i);
      g_object_unref (f->col[i]);
    }
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->ws);
  obeya_time_set_fake_now (NULL);
}

static GListModel *
cell (ObeyaColumn *column)
{
  return obeya_column_get_cell (column, NULL);
}

static ObeyaCard *
card_at (GListModel *model,
         guint       i)
{
  ObeyaCard *card = g_list_model_get_item (model, i);

  g_object_unref (card);
  return card;
}

/* Titles of a cell joined by commas, for compact assertions. */
static char *
titles (GListModel *model)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      if (i > 0)
        g_string_append_c (s, ',');
      g_string_append (s, obeya_card_get_title (card_at (model, i)));
    }
  return g_string_free (s, FALSE);
}

#define assert_titles(model, expected) \
  G_STMT_START { \
    g_autofree char *_t = titles (model); \
    g_assert_cmpstr (_t, ==, expected); \
  } G_STMT_END

static void
test_templates (void)
{
  g_autoptr(ObeyaBoard) back_office = obeya_board_new ("B", OBEYA_BOARD_TEAM,
                                                       OBEYA_BOARD_TEMPLATE_BACK_OFFICE);
  g_autoptr(ObeyaBoard) personal = obeya_board_new ("P", OBEYA_BOARD_PERSONAL,
                                                    OBEYA_BOARD_TEMPLATE_PERSONAL);
  g_autoptr(ObeyaBoard) empty = obeya_board_new ("E", OBEYA_BOARD_TEAM,
                                                 OBEYA_BOARD_TEMPLATE_EMPTY);
  static const char *names[] = { "Backlog", "Ready", "In progress", "Review", "Done" };
  static const ObeyaColumnRole roles[] = {
    OBEYA_COLUMN_ROLE_BACKLOG, OBEYA_COLUMN_ROLE_BACKLOG, OBEYA_COLUMN_ROLE_ACTIVE,
    OBEYA_COLUMN_ROLE_ACTIVE, OBEYA_COLUMN_ROLE_DONE
  };
  GListModel *columns = obeya_board_get_columns (back_office);

  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(ObeyaColumn) column = g_list_model_get_item (columns, i);
      g_assert_cmpstr (obeya_column_get_name (column), ==, names[i]);
      g_assert_cmpint (obeya_column_get_role (column), ==, roles[i]);
    }
  g_assert_cmpuint (g_list_model_get_n_items (obeya_board_get_columns (personal)), ==, 3);
  {
    g_autoptr(ObeyaColumn) doing = g_list_model_get_item (obeya_board_get_columns (personal), 1);
    g_assert_cmpstr (obeya_column_get_name (doing), ==, "Doing");
    g_assert_cmpuint (obeya_column_get_wip_limit (doing), ==, 3);
  }
  g_assert_cmpuint (g_list_model_get_n_items (obeya_board_get_columns (empty)), ==, 0);
}

static void
test_add_and_move (Fixture       *f,
                   gconstpointer  data)
{
  ObeyaCard *a, *b, *c;
  guint n_moves;
  const ObeyaMove *moves;

  a = obeya_board_add_card (f->board, f->col[0], NULL, -1, "A");
  b = obeya_board_add_card (f->board, f->col[0], NULL, -1, "B");
  c = obeya_board_add_card (f->board, f->col[0], NULL, 0, "C");
  assert_titles (cell (f->col[0]), "C,A,B");
  g_assert_true (obeya_card_get_board (a) == f->board);
  g_assert_true (obeya_card_get_column (a) == f->col[0]);
  obeya_card_get_moves (a, &n_moves);
  g_assert_cmpuint (n_moves, ==, 1);

  /* Reorder within the column: B to the top. */
  obeya_board_move_card (f->board, b, f->col[0], NULL, 0);
  assert_titles (cell (f->col[0]), "B,C,A");
  obeya_card_get_moves (b, &n_moves);
  g_assert_cmpuint (n_moves, ==, 1); /* a reorder is not a move */

  /* Across columns, at a position. */
  obeya_time_set_fake_now ("2026-11-03T10:30:00+01:00");
  obeya_board_move_card (f->board, c, f->col[2], NULL, 0);
  obeya_board_move_card (f->board, a, f->col[2], NULL, 0);
  assert_titles (cell (f->col[0]), "B");
  assert_titles (cell (f->col[2]), "A,C");
  moves = obeya_card_get_moves (c, &n_moves);
  g_assert_cmpuint (n_moves, ==, 2);
  g_assert_cmpstr (moves[1].column_id, ==, obeya_entity_get_id (OBEYA_ENTITY (f->col[2])));
  g_assert_cmpint (obeya_timestamp_get_day (moves[1].time), ==,
                   obeya_day_from_ymd (2026, 11, 3));

  /* Flow facts: committed on 3 Nov, so on 5 Nov it is 3 days old. */
  g_assert_cmpuint (obeya_card_get_age_days (c, obeya_day_from_ymd (2026, 11, 5)), ==, 3);
  g_assert_cmpuint (obeya_card_get_days_in_column (c, obeya_day_from_ymd (2026, 11, 5)), ==, 3);
  g_assert_cmpuint (obeya_card_get_age_days (b, obeya_day_from_ymd (2026, 11, 5)), ==, 0);

  /* Undo restores exactly, step by step; redo replays. */
  g_assert_true (obeya_history_undo (f->history));
  assert_titles (cell (f->col[0]), "B,A");
  assert_titles (cell (f->col[2]), "C");
  g_assert_true (obeya_card_get_column (a) == f->col[0]);
  obeya_card_get_moves (a, &n_moves);
  g_assert_cmpuint (n_moves, ==, 1);
  g_assert_true (obeya_history_undo (f->history));
  assert_titles (cell (f->col[0]), "B,C,A");
  g_assert_true (obeya_history_undo (f->history));
  assert_titles (cell (f->col[0]), "C,A,B");
  g_assert_true (obeya_history_redo (f->history));
  g_assert_true (obeya_history_redo (f->history));
  g_assert_true (obeya_history_redo (f->history));
  assert_titles (cell (f->col[0]), "B");
  assert_titles (cell (f->col[2]), "A,C");
  g_assert_false (obeya_history_redo (f->history));

  /* Undo of an add removes the card from the board. */
  while (obeya_history_can_undo (f->history))
    obeya_history_undo (f->history);
  g_assert_cmpuint (g_list_model_get_n_items (cell (f->col[0])), ==, 0);
  g_assert_cmpuint (obeya_board_get_cards (f->board)->len, ==, 0);
  g_assert_null (obeya_board_find_card (f->board, obeya_entity_get_id (OBEYA_ENTITY (a))));
}

static void
test_rank_renumbering (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *before = NULL;
  GListModel *model = cell (f->col[1]);

  obeya_board_add_card (f->board, f->col[1], NULL, -1, "first");
  obeya_board_add_card (f->board, f->col[1], NULL, -1, "last");
  /* Always insert right after "first": the gap halves each time and runs out. */
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *title = g_strdup_printf ("%u", i);
      obeya_board_add_card (f->board, f->col[1], NULL, 1, title);
    }
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 42);
  g_assert_cmpstr (obeya_card_get_title (card_at (model, 0)), ==, "first");
  g_assert_cmpstr (obeya_card_get_title (card_at (model, 1)), ==, "39");
  g_assert_cmpstr (obeya_card_get_title (card_at (model, 41)), ==, "last");

  /* The saved order (ranks) reproduces the display order. */
  {
    g_autoptr(GBytes) bytes = obeya_workspace_save (f->ws, NULL);
    g_autoptr(ObeyaWorkspace) copy = obeya_workspace_load (bytes, NULL);
    g_autoptr(ObeyaBoard) board = g_list_model_get_item (obeya_workspace_get_boards (copy), 0);
    g_autoptr(ObeyaColumn) column = g_list_model_get_item (obeya_board_get_columns (board), 1);
    g_autofree char *a = titles (model);
    g_autofree char *b = titles (obeya_column_get_cell (column, NULL));

    g_assert_cmpstr (a, ==, b);
  }
}

static void
test_archive_restore_delete (Fixture       *f,
                             gconstpointer  data)
{
  ObeyaCard *a, *b;

  a = obeya_board_add_card (f->board, f->col[2], NULL, -1, "A");
  b = obeya_board_add_card (f->board, f->col[2], NULL, -1, "B");
  obeya_board_archive_card (f->board, a);
  g_assert_true (obeya_card_get_archived (a));
  assert_titles (cell (f->col[2]), "B");
  assert_titles (obeya_board_get_archived_cards (f->board), "A");
  g_assert_cmpuint (obeya_board_get_n_active_cards (f->board), ==, 1);

  obeya_history_undo (f->history);
  g_assert_false (obeya_card_get_archived (a));
  assert_titles (cell (f->col[2]), "A,B");
  obeya_history_redo (f->history);

  obeya_board_restore_card (f->board, a);
  assert_titles (cell (f->col[2]), "B,A");
  g_assert_false (obeya_card_get_archived (a));

  obeya_board_delete_card (f->board, b);
  assert_titles (cell (f->col[2]), "A");
  g_assert_null (obeya_board_find_card (f->board, obeya_entity_get_id (OBEYA_ENTITY (b))));
  g_assert_cmpstr (obeya_history_get_undo_label (f->history), ==, "Delete card");
  obeya_history_undo (f->history);
  assert_titles (cell (f->col[2]), "B,A");
  g_assert_true (obeya_board_find_card (f->board, obeya_entity_get_id (OBEYA_ENTITY (b))) == b);

  /* Deleting an archived card. */
  obeya_board_archive_card (f->board, b);
  obeya_board_delete_card (f->board, b);
  g_assert_cmpuint (g_list_model_get_n_items (obeya_board_get_archived_cards (f->board)), ==, 0);
  obeya_history_undo (f->history);
  assert_titles (obeya_board_get_archived_cards (f->board), "B");
}

static void
test_columns (Fixture       *f,
              gconstpointer  data)
{
  ObeyaColumn *extra;
  GListModel *columns = obeya_board_get_columns (f->board);
  ObeyaCard *a;

  extra = obeya_board_add_column (f->board, "Waiting on vendor", OBEYA_COLUMN_ROLE_ACTIVE, 3);
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 6);
  g_assert_true (g_list_model_get_item (columns, 3) == extra);
  g_object_unref (extra);

  a = obeya_board_add_card (f->board, extra, NULL, -1, "A");
  obeya_board_add_card (f->board, extra, NULL, -1, "B");
  obeya_board_move_column (f->board, extra, 0);
  g_assert_true (g_list_model_get_item (columns, 0) == extra);
  g_object_unref (extra);

  /* Delete, moving its cards to Review. */
  obeya_board_delete_column (f->board, extra, f->col[3]);
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 5);
  assert_titles (cell (f->col[3]), "A,B");
  /* The history keeps naming the deleted column. */
  g_assert_nonnull (obeya_board_lookup_column (f->board, obeya_entity_get_id (OBEYA_ENTITY (extra))));
  g_assert_null (obeya_board_find_column (f->board, obeya_entity_get_id (OBEYA_ENTITY (extra))));

  obeya_history_undo (f->history);
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 6);
  assert_titles (obeya_column_get_cell (extra, NULL), "A,B");
  g_assert_true (obeya_card_get_column (a) == extra);

  /* Delete archiving its cards. */
  obeya_board_delete_column (f->board, extra, NULL);
  assert_titles (obeya_board_get_archived_cards (f->board), "B,A");
  /* Saved and loaded: archived cards in a retired column load fine. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = obeya_workspace_save (f->ws, NULL);
    g_autoptr(ObeyaWorkspace) copy = obeya_workspace_load (bytes, &error);
    g_assert_no_error (error);
  }
  obeya_history_undo (f->history);
  assert_titles (obeya_column_get_cell (extra, NULL), "A,B");
  g_assert_cmpuint (g_list_model_get_n_items (obeya_board_get_archived_cards (f->board)), ==, 0);
}

static void
test_lanes (Fixture       *f,
            gconstpointer  data)
{
  ObeyaCard *a, *b;
  ObeyaLane *expedite, *standard;
  GListModel *lanes = obeya_board_get_lanes (f->board);
  const ObeyaMove *moves;
  guint n_moves;

  a = obeya_board_add_card (f->board, f->col[2], NULL, -1, "A");
  b = obeya_board_add_card (f->board, f->col[2], NULL, -1, "B");

  expedite = obeya_board_add_lane (f->board, "Expedite", 0);
  g_assert_cmpuint (g_list_model_get_n_items (lanes), ==, 2);
  standard = g_list_model_get_item (lanes, 1);
  g_object_unref (standard);
  g_assert_cmpstr (obeya_lane_get_name (standard), ==, "Standard");
  g_assert_true (obeya_card_get_lane (a) == standard);
  assert_titles (obeya_column_get_cell (f->col[2], standard), "A,B");
  g_assert_cmpuint (g_list_model_get_n_items (cell (f->col[2])), ==, 0);
  moves = obeya_card_get_moves (a, &n_moves);
  g_assert_cmpuint (n_moves, ==, 2);
  g_assert_cmpstr (moves[1].lane_id, ==, obeya_entity_get_id (OBEYA_ENTITY (standard)));

  /* Lane WIP: the expedite lane allows one card in progress. */
  g_object_set (expedite, "wip-limit", 1, NULL);
  obeya_board_move_card (f->board, a, f->col[2], expedite, 0);
  g_assert_false (obeya_board_lane_over_limit (f->board, expedite));
  obeya_board_move_card (f->board, b, f->col[3], expedite, 0);
  g_assert_cmpuint (obeya_board_count_lane_wip (f->board, expedite), ==, 2);
  g_assert_true (obeya_board_lane_over_limit (f->board, expedite));

  /* Deleting the expedite lane puts its cards in the other lane. */
  obeya_board_delete_lane (f->board, expedite, NULL);
  g_assert_true (obeya_card_get_lane (a) == standard);
  g_assert_true (obeya_card_get_lane (b) == standard);
  obeya_history_undo (f->history);
  g_assert_true (obeya_card_get_lane (a) == expedite);

  /* Deleting the last lanes: back to none. */
  obeya_board_delete_lane (f->board, expedite, NULL);
  obeya_board_delete_lane (f->board, standard, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (lanes), ==, 0);
  g_assert_null (obeya_card_get_lane (a));
  assert_titles (cell (f->col[2]), "A");
  assert_titles (cell (f->col[3]), "B");

  while (obeya_history_can_undo (f->history))
    obeya_history_undo (f->history);
  g_assert_cmpuint (g_list_model_get_n_items (lanes), ==, 0);
}

static void
test_blocked_and_wip (Fixture       *f,
                      gconstpointer  data)
{
  ObeyaCard *a, *b;

  g_object_set (f->col[2], "wip-limit", 1, NULL);
  a = obeya_board_add_card (f->board, f->col[2], NULL, -1, "A");
  b = obeya_board_add_card (f->board, f->col[2], NULL, -1, "B");
  g_assert_true (obeya_board_column_over_limit (f->board, f->col[2]));

  obeya_time_set_fake_now ("2026-11-02T10:00:00+01:00");
  obeya_card_block (b, "Waiting for supplier credit note");
  g_assert_true (obeya_card_get_blocked (b));
  g_assert_cmpstr (obeya_card_get_blocked_reason (b), ==, "Waiting for supplier credit note");
  /* Blocked cards do not count toward WIP unless the board says so. */
  g_assert_cmpuint (obeya_board_count_wip (f->board, f->col[2], NULL), ==, 1);
  g_assert_false (obeya_board_column_over_limit (f->board, f->col[2]));
  obeya_entity_edit (OBEYA_ENTITY (f->board), "Count blocked", "blocked-counts-wip", TRUE, NULL);
  g_assert_true (obeya_board_column_over_limit (f->board, f->col[2]));

  /* Two episodes accumulate: 2 h, then 1 h (open, counted up to now). */
  obeya_time_set_fake_now ("2026-11-02T12:00:00+01:00");
  obeya_card_unblock (b);
  g_assert_false (obeya_card_get_blocked (b));
  obeya_time_set_fake_now ("2026-11-03T09:00:00+01:00");
  obeya_card_block (b, NULL);
  obeya_time_set_fake_now ("2026-11-03T10:00:00+01:00");
  g_assert_cmpint (obeya_card_get_blocked_seconds (b, obeya_timestamp_now ()), ==, 3 * 3600);

  obeya_history_undo (f->history); /* the second block */
  g_assert_false (obeya_card_get_blocked (b));
  obeya_history_undo (f->history); /* the unblock */
  g_assert_true (obeya_card_get_blocked (b));
  g_assert_false (obeya_card_get_blocked (a));
}

static void
test_fields_and_checklist (Fixture       *f,
                           gconstpointer  data)
{
  ObeyaCard *a = obeya_board_add_card (f->board, f->col[2], NULL, -1, "Pay invoice 4711");
  ObeyaPerson *ana = obeya_workspace_add_person (f->ws, "Ana López");
  ObeyaTag *urgent = obeya_workspace_add_tag (f->ws, "Urgent", "red");
  const char *assignees[] = { obeya_entity_get_id (OBEYA_ENTITY (ana)), NULL };
  const char *tags[] = { obeya_entity_get_id (OBEYA_ENTITY (urgent)), NULL };
  ObeyaDay today = obeya_day_from_ymd (2026, 11, 2);

  g_assert_cmpstr (obeya_person_get_initials (ana), ==, "AL");
  obeya_entity_edit (OBEYA_ENTITY (a), "Edit card",
                     "title", "Pay invoice 4712",
                     "assignees", assignees,
                     "tags", tags,
                     "due", "2026-11-01",
                     "class-of-service", OBEYA_CLASS_FIXED_DATE,
                     NULL);
  g_assert_cmpstr (obeya_card_get_title (a), ==, "Pay invoice 4712");
  g_assert_true (obeya_card_has_assignee (a, assignees[0]));
  g_assert_true (obeya_card_has_tag (a, tags[0]));
  g_assert_true (obeya_card_is_overdue (a, today));
  g_assert_false (obeya_card_is_due_soon (a, today));
  g_assert_cmpint (obeya_card_get_class_of_service (a), ==, OBEYA_CLASS_FIXED_DATE);

  /* One command for the whole edit. */
  obeya_history_undo (f->history);
  g_assert_cmpstr (obeya_card_get_title (a), ==, "Pay invoice 4711");
  g_assert_null (obeya_card_get_assignees (a));
  g_assert_cmpuint (obeya_card_get_due (a), ==, OBEYA_DAY_NONE);
  obeya_history_redo (f->history);

  obeya_entity_edit (OBEYA_ENTITY (a), "Due", "due", "2026-11-04", NULL);
  g_assert_true (obeya_card_is_due_soon (a, today));

  obeya_card_add_checklist_item (a, "Check PO", -1);
  obeya_card_add_checklist_item (a, "Check goods receipt", -1);
  obeya_card_add_checklist_item (a, "Approve", -1);
  g_assert_cmpuint (obeya_card_get_checklist_total (a), ==, 3);
  {
    g_autoptr(ObeyaChecklistItem) item = g_list_model_get_item (obeya_card_get_checklist (a), 1);
    obeya_entity_edit (OBEYA_ENTITY (item), "Tick", "done", TRUE, NULL);
  }
  g_assert_cmpuint (obeya_card_get_checklist_done (a), ==, 1);
  obeya_card_move_checklist_item (a, 2, 0);
  {
    g_autoptr(ObeyaChecklistItem) item = g_list_model_get_item (obeya_card_get_checklist (a), 0);
    g_assert_cmpstr (obeya_checklist_item_get_text (item), ==, "Approve");
  }
  obeya_card_remove_checklist_item (a, 2);
  g_assert_cmpuint (obeya_card_get_checklist_done (a), ==, 0);
  obeya_history_undo (f->history);
  obeya_history_undo (f->history);
  g_assert_cmpuint (obeya_card_get_checklist_done (a), ==, 1);
  obeya_history_undo (f->history);
  g_assert_cmpuint (obeya_card_get_checklist_done (a), ==, 0);

  /* Removing a person or tag strips it from the cards; undo puts it back. */
  obeya_workspace_remove_person (f->ws, ana);
  g_assert_false (obeya_card_has_assignee (a, assignees[0]));
  obeya_history_undo (f->history);
  g_assert_true (obeya_card_has_assignee (a, assignees[0]));
  obeya_workspace_remove_tag (f->ws, urgent);
  g_assert_false (obeya_card_has_tag (a, tags[0]));
  g_assert_null (obeya_workspace_find_tag (f->ws, tags[0]));
  obeya_history_undo (f->history);
  g_assert_true (obeya_workspace_find_tag (f->ws, tags[0]) == urgent);
}

static void
test_boards_and_sample (Fixture       *f,
                        gconstpointer  data)
{
  GListModel *boards = obeya_workspace_get_boards (f->ws);
  ObeyaBoard *mine = obeya_workspace_add_board (f->ws, "My work", OBEYA_BOARD_PERSONAL,
                                                OBEYA_BOARD_TEMPLATE_PERSONAL);

  g_assert_cmpuint (g_list_model_get_n_items (boards), ==, 2);
  obeya_workspace_move_board (f->ws, mine, 0);
  g_assert_true (g_list_model_get_item (boards, 0) == mine);
  g_object_unref (mine);
  obeya_entity_edit (OBEYA_ENTITY (mine), "Rename board", "name", "Personal", NULL);
  g_assert_cmpstr (obeya_board_get_name (mine), ==, "Personal");
  obeya_entity_edit (OBEYA_ENTITY (mine), "Archive board", "archived", TRUE, NULL);
  g_assert_true (obeya_board_get_archived (mine));

  g_assert_false (obeya_workspace_has_sample (f->ws));
  g_object_set (f->board, "sample", TRUE, NULL);
  g_object_set (obeya_workspace_add_person (f->ws, "Sample Sam"), "sample", TRUE, NULL);
  g_assert_true (obeya_workspace_has_sample (f->ws));
  obeya_workspace_clear_sample (f->ws);
  g_assert_false (obeya_workspace_has_sample (f->ws));
  g_assert_cmpuint (g_list_model_get_n_items (boards), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (obeya_workspace_get_people (f->ws)), ==, 0);
  obeya_history_undo (f->history);
  g_assert_cmpuint (g_list_model_get_n_items (boards), ==, 2);

  obeya_workspace_delete_board (f->ws, mine);
  g_assert_cmpuint (g_list_model_get_n_items (boards), ==, 1);
  obeya_history_undo (f->history);
  g_assert_cmpuint (g_list_model_get_n_items (boards), ==, 2);
}

static void
test_changed_signal (Fixture       *f,
                     gconstpointer  data)
{
  guint count = 0;

  g_signal_connect_swapped (f->ws, "changed", G_CALLBACK (g_atomic_int_inc), &count);
  obeya_board_add_card (f->board, f->col[0], NULL, -1, "A");
  g_assert_cmpuint (count, ==, 1);
  obeya_history_undo (f->history);
  g_assert_cmpuint (count, ==, 2);
  obeya_history_redo (f->history);
  g_assert_cmpuint (count, ==, 3);
  /* An edit that changes nothing is not a command. */
  obeya_entity_edit (OBEYA_ENTITY (f->board), "Rename", "name", "AP team", NULL);
  g_assert_cmpuint (count, ==, 3);
}

/* A loaded card's moves keep the id of a lane deleted since, after undo
 * has forgotten (and freed) the lane: it is written back as it was read. */
static void
test_deleted_lane_in_loaded_moves (void)
{
  g_autoptr(ObeyaWorkspace) ws = obeya_workspace_new ();
  g_autoptr(ObeyaWorkspace) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lane_id = NULL;
  ObeyaBoard *board = obeya_workspace_add_board (ws, "AP team", OBEYA_BOARD_TEAM,
                                                 OBEYA_BOARD_TEMPLATE_BACK_OFFICE);
  ObeyaLane *expedite = obeya_board_add_lane (board, "Expedite", -1);
  ObeyaLane *standard = obeya_board_add_lane (board, "Standard", -1);
  g_autoptr(ObeyaColumn) first = g_list_model_get_item (obeya_board_get_columns (board), 0);
  g_autoptr(ObeyaColumn) second = g_list_model_get_item (obeya_board_get_columns (board), 1);
  ObeyaCard *card = obeya_board_add_card (board, first, expedite, -1, "Refund");
  ObeyaLane *lane;
  ObeyaColumn *column;

  obeya_board_move_card (board, card, second, standard, -1);
  lane_id = g_strdup (obeya_entity_get_id (OBEYA_ENTITY (expedite)));
  bytes = obeya_workspace_save (ws, &error);
  g_assert_no_error (error);

  loaded = obeya_workspace_load (bytes, &error);
  g_assert_no_error (error);
  board = g_list_model_get_item (obeya_workspace_get_boards (loaded), 0);
  g_object_unref (board);
  lane = obeya_board_find_lane (board, lane_id);
  g_assert_nonnull (lane);
  g_object_add_weak_pointer (G_OBJECT (lane), (gpointer *) &lane);
  obeya_board_delete_lane (board, lane, NULL);
  column = obeya_board_add_column (board, "Check", OBEYA_COLUMN_ROLE_ACTIVE, -1);
  for (guint i = 0; i < OBEYA_HISTORY_DEPTH + 1; i++)
    obeya_entity_edit (OBEYA_ENTITY (column), "Rename", "name", i % 2 ? "Check" : "Verify",
                       NULL);
  g_assert_null (lane);

  again = obeya_workspace_save (loaded, &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (again, NULL), g_bytes_get_size (again),
                                  lane_id));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/board/templates", test_templates);
  g_test_add_func ("/board/deleted-lane-in-loaded-moves", test_deleted_lane_in_loaded_moves);
#define ADD(path, fn) g_test_add ("/board/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("add-and-move", test_add_and_move);
  ADD ("rank-renumbering", test_rank_renumbering);
  ADD ("archive-restore-delete", test_archive_restore_delete);
  ADD ("columns", test_columns);
  ADD ("lanes", test_lanes);
  ADD ("blocked-and-wip", test_blocked_and_wip);
  ADD ("fields-and-checklist", test_fields_and_checklist);
  ADD ("boards-and-sample", test_boards_and_sample);
  ADD ("changed-signal", test_changed_signal);
#undef ADD

  return g_test_run ();
}
