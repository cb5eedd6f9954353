/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Trello import: the mapping of tests/data/trello-board.json checked field
 * by field, one undoable command, a byte-identical save round trip, the
 * guessed column roles, label colours, and bad input leaving the workspace
 * as it was.
 */
#include "config.h"

#include <string.h>

#include "obeya-board.h"
#include "obeya-card.h"
#include "obeya-checklist-item.h"
#include "obeya-column.h"
#include "obeya-history.h"
#include "obeya-json.h"
#include "obeya-link.h"
#include "obeya-person.h"
#include "obeya-tag.h"
#include "obeya-trello.h"
#include "obeya-workspace.h"

/* Central European time, with its summer time (ends 2026-10-25), without
 * needing the tz database: every local time below is checked in it. */
#define TEST_TZ "CET-1CEST,M3.5.0,M10.5.0/3"

static GBytes *
fixture_bytes (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "trello-board.json", NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* A workspace that already knows Ana and the month-end tag. */
static ObeyaWorkspace *
existing_workspace (void)
{
  ObeyaWorkspace *ws = obeya_workspace_new ();

  obeya_workspace_add_person (ws, "Ana López");
  obeya_workspace_add_tag (ws, "month-end", "purple");
  /* Their creation is not part of what the tests undo. */
  obeya_history_clear (obeya_workspace_get_history (ws));
  return ws;
}

static ObeyaBoard *
import_ok (ObeyaWorkspace *ws,
           GBytes         *bytes)
{
  g_autoptr(GError) error = NULL;
  ObeyaBoard *board = obeya_trello_import (ws, bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (board);
  return board;
}

static ObeyaCard *
find_card (ObeyaBoard *board,
           const char *title)
{
  GPtrArray *cards = obeya_board_get_cards (board);

  for (guint i = 0; i < cards->len; i++)
    if (g_strcmp0 (obeya_card_get_title (cards->pdata[i]), title) == 0)
      return cards->pdata[i];
  g_error ("no card “%s”", title);
}

static char *
column_list (ObeyaBoard *board)
{
  GListModel *columns = obeya_board_get_columns (board);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(ObeyaColumn) column = g_list_model_get_item (columns, i);

      g_string_append_printf (s, "%s%s (%s)", i ? ", " : "", obeya_column_get_name (column),
                              obeya_enum_to_nick (OBEYA_TYPE_COLUMN_ROLE,
                                                  obeya_column_get_role (column)));
    }
  return g_string_free (s, FALSE);
}

static char *
titles (GListModel *model)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ObeyaCard) card = g_list_model_get_item (model, i);

      g_string_append_printf (s, "%s%s", i ? "|" : "", obeya_card_get_title (card));
    }
  return g_string_free (s, FALSE);
}

static char *
cell_titles (ObeyaBoard *board,
             guint       column)
{
  g_autoptr(ObeyaColumn) c = g_list_model_get_item (obeya_board_get_columns (board), column);

  return titles (obeya_column_get_cell (c, NULL));
}

/* "time column" of every move, joined by " > ". */
static char *
history (ObeyaBoard *board,
         ObeyaCard  *card)
{
  GString *s = g_string_new (NULL);
  guint n;
  const ObeyaMove *moves = obeya_card_get_moves (card, &n);

  for (guint i = 0; i < n; i++)
    {
      char buf[OBEYA_TIMESTAMP_BUF_SIZE];
      ObeyaColumn *column = obeya_board_lookup_column (board, moves[i].column_id);

      g_assert_null (moves[i].lane_id);
      g_string_append_printf (s, "%s%s %s", i ? " > " : "",
                              obeya_timestamp_format (moves[i].time, buf),
                              column ? obeya_column_get_name (column) : "?");
    }
  return g_string_free (s, FALSE);
}

static char *
names (ObeyaWorkspace     *ws,
       const char * const *ids,
       gboolean            people)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      const char *name;

      if (people)
        name = obeya_person_get_name (obeya_workspace_find_person (ws, ids[i]));
      else
        name = obeya_tag_get_name (obeya_workspace_find_tag (ws, ids[i]));
      g_string_append_printf (s, "%s%s", i ? ", " : "", name);
    }
  return g_string_free (s, FALSE);
}

static char *
checklist (ObeyaCard *card)
{
  GListModel *items = obeya_card_get_checklist (card);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ObeyaChecklistItem) item = g_list_model_get_item (items, i);

      g_string_append_printf (s, "%s[%c] %s", i ? "; " : "",
                              obeya_checklist_item_get_done (item) ? 'x' : ' ',
                              obeya_checklist_item_get_text (item));
    }
  return g_string_free (s, FALSE);
}

static char *
tag_list (ObeyaWorkspace *ws)
{
  GListModel *tags = obeya_workspace_get_tags (ws);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
    {
      g_autoptr(ObeyaTag) tag = g_list_model_get_item (tags, i);

      g_string_append_printf (s, "%s%s/%s", i ? ", " : "", obeya_tag_get_name (tag),
                              obeya_tag_get_color (tag));
    }
  return g_string_free (s, FALSE);
}

static char *
people_list (ObeyaWorkspace *ws)
{
  GListModel *people = obeya_workspace_get_people (ws);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(ObeyaPerson) person = g_list_model_get_item (people, i);

      g_string_append_printf (s, "%s%s", i ? ", " : "", obeya_person_get_name (person));
    }
  return g_string_free (s, FALSE);
}

#define assert_str_free(expr, expected) \
  G_STMT_START { \
    g_autofree char *got_ = (expr); \
    g_assert_cmpstr (got_, ==, expected); \
  } G_STMT_END

static void
test_mapping (void)
{
  g_autoptr(ObeyaWorkspace) ws = existing_workspace ();
  g_autoptr(GBytes) bytes = fixture_bytes ();
  ObeyaBoard *board;
  ObeyaCard *card;
  char day[OBEYA_DAY_BUF_SIZE];
  char buf[OBEYA_TIMESTAMP_BUF_SIZE];

  board = import_ok (ws, bytes);
  g_assert_cmpstr (obeya_board_get_name (board), ==, "Accounts Payable");
  g_assert_cmpint (obeya_board_get_kind (board), ==, OBEYA_BOARD_TEAM);
  g_assert_true (obeya_board_get_workspace (board) == ws);

  /* Open lists in `pos` order (the file lists "Done ✅" first), roles
   * guessed from the names; the closed lists are not columns. */
  assert_str_free (column_list (board),
                   "Backlog (backlog), Doing (active), Waiting on vendor (active), Done ✅ (done)");

  /* Cards in `pos` order within each list; the closed card is archived. */
  assert_str_free (cell_titles (board, 0), "Call the auditor|New idea: e-invoicing");
  assert_str_free (cell_titles (board, 1), "Vendor master data cleanup|Reconcile bank account");
  assert_str_free (cell_titles (board, 2), "");
  assert_str_free (cell_titles (board, 3), "Pay supplier invoices|Quarterly VAT return");
  /* Archived: the closed card (closed on 20 October) first, then the card of
   * the closed list "Sprint 12" (closed on 30 September). */
  assert_str_free (titles (obeya_board_get_archived_cards (board)),
                   "Archive 2025 receipts|Sprint 12 retro actions");
  g_assert_cmpuint (obeya_board_get_cards (board)->len, ==, 8);

  /* People: Ana matched, Ben created, Chloé (on no card) not. Tags:
   * "Month-end" matched to the existing "month-end"; the others created
   * with the nearest colour (sky → blue, orange_dark → orange); the
   * nameless green label named "Green"; the nameless, colourless one
   * dropped; "Tax" from the card's own copy of a label. */
  assert_str_free (people_list (ws), "Ana López, Ben Okafor");
  assert_str_free (tag_list (ws), "month-end/purple, Vendor/blue, Green/green, Urgent/red, "
                                  "Bug/orange, Tax/yellow");

  /* Reconcile: created (id time) in Backlog, moved to Doing; summer time. */
  card = find_card (board, "Reconcile bank account");
  g_assert_cmpstr (obeya_card_get_description (card), ==,
                   "Match the October statement against the ledger.\n\n"
                   "**Deadline:** 3rd working day.");
  g_assert_cmpstr (obeya_timestamp_format (obeya_card_get_created (card), buf), ==,
                   "2026-10-01T09:00:00+02:00");
  assert_str_free (history (board, card),
                   "2026-10-01T09:00:00+02:00 Backlog > 2026-10-02T09:30:00+02:00 Doing");
  g_assert_cmpstr (obeya_day_format (obeya_card_get_due (card), day), ==, "2026-11-20");
  assert_str_free (names (ws, obeya_card_get_assignees (card), TRUE), "Ana López");
  assert_str_free (names (ws, obeya_card_get_tags (card), FALSE), "month-end, Green");
  /* Checklist items in `pos` order, whatever the file order. */
  assert_str_free (checklist (card),
                   "[x] Download statement; [x] Match items; [ ] Post adjustments");
  g_assert_cmpuint (obeya_card_get_checklist_done (card), ==, 2);
  {
    g_autoptr(ObeyaLink) link = g_list_model_get_item (obeya_card_get_links (card), 0);

    g_assert_cmpuint (g_list_model_get_n_items (obeya_card_get_links (card)), ==, 1);
    g_assert_cmpstr (obeya_link_get_kind (link), ==, "url");
    g_assert_cmpstr (obeya_link_get_target (link), ==,
                     "https://trello.com/c/AbCd1234/1-reconcile-bank-account");
    g_assert_cmpstr (obeya_link_get_label (link), ==, "Trello");
  }
  g_assert_false (obeya_card_get_archived (card));

  /* Vendor: through "Waiting on vendor", back to Doing after the change to
   * winter time; the move to another board's list is ignored. */
  card = find_card (board, "Vendor master data cleanup");
  assert_str_free (history (board, card),
                   "2026-10-05T10:00:00+02:00 Backlog > 2026-10-06T14:00:00+02:00 Waiting on vendor"
                   " > 2026-10-27T10:00:00+01:00 Doing");
  assert_str_free (names (ws, obeya_card_get_assignees (card), TRUE), "Ben Okafor, Ana López");
  assert_str_free (names (ws, obeya_card_get_tags (card), FALSE), "Vendor");
  g_assert_cmpstr (obeya_card_get_description (card), ==,
                   "Remove duplicate vendors.\nMerge “Müller GmbH” records.");
  g_assert_cmpuint (obeya_card_get_due (card), ==, OBEYA_DAY_NONE);
  /* Committed when it first entered an active column. */
  g_assert_cmpstr (obeya_timestamp_format (obeya_card_get_commitment_time (card), buf), ==,
                   "2026-10-06T14:00:00+02:00");

  /* Pay: through the closed list "QA (old)", kept as a deleted column so the
   * history still names it; two checklists joined, each item prefixed. */
  card = find_card (board, "Pay supplier invoices");
  assert_str_free (history (board, card),
                   "2026-10-07T08:00:00+02:00 Backlog > 2026-10-08T10:00:00+02:00 Doing > "
                   "2026-10-09T10:00:00+02:00 QA (old) > 2026-10-12T16:00:00+02:00 Done ✅");
  {
    const char *qa = obeya_card_get_moves (card, NULL)[2].column_id;

    g_assert_cmpint (obeya_column_get_role (obeya_board_lookup_column (board, qa)), ==,
                     OBEYA_COLUMN_ROLE_ACTIVE);
    g_assert_null (obeya_board_find_column (board, qa));
  }
  g_assert_true (obeya_card_is_done (card));
  assert_str_free (names (ws, obeya_card_get_tags (card), FALSE), "Urgent, Bug");
  assert_str_free (checklist (card), "[x] Prepare: Collect invoices; [ ] Approve: Sign off; "
                                     "[ ] Approve: Release payment");
  g_assert_null (obeya_card_get_description (card));

  /* Archive: no action but the one that closed it; archived then. */
  card = find_card (board, "Archive 2025 receipts");
  g_assert_true (obeya_card_get_archived (card));
  g_assert_cmpstr (obeya_timestamp_format (obeya_card_get_archived_at (card), buf), ==,
                   "2026-10-20T18:00:00+02:00");
  assert_str_free (history (board, card), "2026-09-15T12:00:00+02:00 Backlog");

  /* The card of the closed list: archived when the list was closed, in its
   * (deleted) column. */
  card = find_card (board, "Sprint 12 retro actions");
  g_assert_true (obeya_card_get_archived (card));
  g_assert_cmpstr (obeya_timestamp_format (obeya_card_get_archived_at (card), buf), ==,
                   "2026-09-30T19:00:00+02:00");
  g_assert_cmpstr (obeya_column_get_name (obeya_card_get_column (card)), ==, "Sprint 12");
  g_assert_null (obeya_board_find_column (board, obeya_entity_get_id (OBEYA_ENTITY (
                                                   obeya_card_get_column (card)))));

  /* Call: the member not in the export is dropped; no actions: created in
   * its list. */
  card = find_card (board, "Call the auditor");
  assert_str_free (names (ws, obeya_card_get_assignees (card), TRUE), "Ben Okafor");
  assert_str_free (history (board, card), "2026-10-10T11:00:00+02:00 Backlog");
  g_assert_null (obeya_card_get_tags (card));

  /* VAT: the record starts with a move (no createCard: it was made in the
   * list that move left) and stops short of Done, so a last move into Done
   * is added at the card's last activity. The due time is 23:30 UTC on the
   * 30th: the 31st here. */
  card = find_card (board, "Quarterly VAT return");
  assert_str_free (history (board, card),
                   "2026-09-20T11:00:00+02:00 Backlog > 2026-10-03T10:00:00+02:00 Doing > "
                   "2026-10-30T11:00:00+01:00 Done ✅");
  g_assert_cmpstr (obeya_day_format (obeya_card_get_due (card), day), ==, "2026-10-31");
  assert_str_free (names (ws, obeya_card_get_tags (card), FALSE), "Tax");
}

static void
count_cb (gpointer  object,
          guint    *count)
{
  (*count)++;
}

static void
test_undo_redo (void)
{
  g_autoptr(ObeyaWorkspace) ws = existing_workspace ();
  g_autoptr(GBytes) bytes = fixture_bytes ();
  ObeyaHistory *history = obeya_workspace_get_history (ws);
  guint changed = 0;
  g_autoptr(GBytes) after_import = NULL;
  g_autoptr(GBytes) after_redo = NULL;

  g_signal_connect (ws, "changed", G_CALLBACK (count_cb), &changed);
  import_ok (ws, bytes);

  /* One command for the board, the new people and the new tags. */
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpstr (obeya_history_get_undo_label (history), ==, "Import Trello board");
  after_import = obeya_workspace_save (ws, NULL);

  g_assert_true (obeya_history_undo (history));
  g_assert_false (obeya_history_can_undo (history));
  g_assert_cmpuint (g_list_model_get_n_items (obeya_workspace_get_boards (ws)), ==, 0);
  assert_str_free (people_list (ws), "Ana López");
  assert_str_free (tag_list (ws), "month-end/purple");

  g_assert_true (obeya_history_redo (history));
  after_redo = obeya_workspace_save (ws, NULL);
  g_assert_true (g_bytes_equal (after_import, after_redo));
}

static void
test_round_trip (void)
{
  g_autoptr(ObeyaWorkspace) ws = existing_workspace ();
  g_autoptr(GBytes) bytes = fixture_bytes ();
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(ObeyaWorkspace) copy = NULL;
  g_autoptr(GError) error = NULL;

  import_ok (ws, bytes);
  first = obeya_workspace_save (ws, &error);
  g_assert_no_error (error);
  copy = obeya_workspace_load (first, &error);
  g_assert_no_error (error);
  second = obeya_workspace_save (copy, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (first, second));
  {
    g_autofree char *summary = obeya_workspace_dup_summary (copy);
    g_assert_cmpstr (summary, ==, "1 board, 8 cards, 2 people, 6 tags");
  }
}

static void
test_twice (void)
{
  g_autoptr(ObeyaWorkspace) ws = existing_workspace ();
  g_autoptr(GBytes) bytes = fixture_bytes ();
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(ObeyaWorkspace) copy = NULL;
  g_autoptr(GError) error = NULL;

  /* The same export twice: two boards with their own ids (the file stays
   * loadable), the people and tags found the second time. */
  import_ok (ws, bytes);
  import_ok (ws, bytes);
  g_assert_cmpuint (g_list_model_get_n_items (obeya_workspace_get_boards (ws)), ==, 2);
  assert_str_free (people_list (ws), "Ana López, Ben Okafor");
  g_assert_cmpuint (g_list_model_get_n_items (obeya_workspace_get_tags (ws)), ==, 6);
  saved = obeya_workspace_save (ws, NULL);
  copy = obeya_workspace_load (saved, &error);
  g_assert_no_error (error);
}

static GBytes *
string_bytes (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static void
test_roles (void)
{
  g_autoptr(ObeyaWorkspace) ws = obeya_workspace_new ();
  g_autoptr(GBytes) bytes = string_bytes (
    "{\"id\": \"b\", \"name\": \"Roles\", \"cards\": [], \"lists\": ["
    "{\"id\": \"1\", \"name\": \"To Do\", \"pos\": 1},"
    "{\"id\": \"2\", \"name\": \"Up next\", \"pos\": 2},"
    "{\"id\": \"3\", \"name\": \"ready for review\", \"pos\": 3},"
    "{\"id\": \"4\", \"name\": \"In Progress\", \"pos\": 4},"
    "{\"id\": \"5\", \"name\": \"Blocked\", \"pos\": 5},"
    "{\"id\": \"6\", \"name\": \"✅ DONE!\", \"pos\": 6},"
    "{\"id\": \"7\", \"name\": \"Shipped 🚀\", \"pos\": 7},"
    "{\"id\": \"8\", \"name\": \"Not done yet\", \"pos\": 8},"
    "{\"id\": \"9\", \"name\": \"To-do\", \"pos\": 9},"
    "{\"id\": \"10\", \"name\": \"Terminé\", \"pos\": 10},"
    "{\"id\": \"11\", \"name\": \"Complete\"}]}");
  ObeyaBoard *board = import_ok (ws, bytes);

  /* Without `pos`, a list counts its place in the file (here 10) as its
   * `pos`; at equal `pos` the file order decides. */
  assert_str_free (column_list (board),
                   "To Do (backlog), Up next (backlog), ready for review (backlog), "
                   "In Progress (active), Blocked (active), ✅ DONE! (done), Shipped 🚀 (done), "
                   "Not done yet (active), To-do (backlog), Terminé (active), Complete (done)");
}

static void
test_minimal (void)
{
  g_autoptr(ObeyaWorkspace) ws = obeya_workspace_new ();
  /* 0x6ac9fe90 = 2026-10-10T09:00:00Z. A card without pos, desc, labels… */
  g_autoptr(GBytes) bytes = string_bytes (
    "{\"id\": \"b\", \"name\": \"Tiny\", \"lists\": [{\"id\": \"l\", \"name\": \"Inbox\"}], "
    "\"cards\": [{\"id\": \"6ac9fe90aaaaaaaaaaaaaaaa\", \"name\": \"Only card\", "
    "\"idList\": \"l\"},"
    "{\"id\": \"not-hex-at-all\", \"name\": \"Odd id\", \"idList\": \"l\", "
    "\"dateLastActivity\": \"2026-10-11T10:00:00.000Z\"}]}");
  ObeyaBoard *board = import_ok (ws, bytes);
  ObeyaCard *card = find_card (board, "Only card");
  char buf[OBEYA_TIMESTAMP_BUF_SIZE];

  assert_str_free (history (board, card), "2026-10-10T11:00:00+02:00 Inbox");
  g_assert_cmpuint (g_list_model_get_n_items (obeya_card_get_links (card)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (obeya_workspace_get_people (ws)), ==, 0);
  /* An id without a time in it: the card's last activity. */
  card = find_card (board, "Odd id");
  g_assert_cmpstr (obeya_timestamp_format (obeya_card_get_created (card), buf), ==,
                   "2026-10-11T12:00:00+02:00");
}

static void
test_colors (void)
{
  const struct { const char *trello, *tag; } cases[] = {
    { "green", "green" }, { "yellow", "yellow" }, { "orange", "orange" }, { "red", "red" },
    { "purple", "purple" }, { "blue", "blue" }, { "sky", "blue" }, { "lime", "green" },
    { "pink", "purple" }, { "black", "grey" },
    { "green_dark", "green" }, { "sky_light", "blue" }, { "black_light", "grey" },
    { NULL, "grey" }, { "chartreuse", "grey" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *color = obeya_trello_nearest_tag_color (cases[i].trello);

      g_test_message ("%s → %s", cases[i].trello, color);
      g_assert_cmpstr (color, ==, cases[i].tag);
      g_assert_true (g_strv_contains (obeya_tag_colors (), color));
    }
}

typedef struct
{
  const char *name;
  const char *json;
  GQuark      domain;
  int         code;
  const char *message_part;
} BadExport;

#define LISTS "\"lists\": [{\"id\": \"l1\", \"name\": \"Doing\"}]"

static void
test_bad_input (void)
{
  const BadExport cases[] = {
    { "empty", "", OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_EMPTY, NULL },
    { "not json", "{\"name\": \"B\",\n \"lists\": [}", OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_SYNTAX,
      "line 2, column" },
    { "array", "[]", OBEYA_TRELLO_ERROR, OBEYA_TRELLO_ERROR_NOT_TRELLO, "not a Trello board" },
    { "a workspace", "{\"format\": \"obeya-workspace\", \"version\": 1, \"boards\": []}",
      OBEYA_TRELLO_ERROR, OBEYA_TRELLO_ERROR_NOT_TRELLO, "Obeya workspace" },
    { "no lists", "{\"name\": \"B\", \"cards\": []}", OBEYA_TRELLO_ERROR,
      OBEYA_TRELLO_ERROR_NOT_TRELLO, "“lists” and “cards”" },
    { "lists not an array", "{\"name\": \"B\", \"lists\": {}, \"cards\": []}", OBEYA_JSON_ERROR,
      OBEYA_JSON_ERROR_INVALID, "lists: expected a list" },
    { "no board name", "{" LISTS ", \"cards\": []}", OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_INVALID,
      "name: a required member is missing" },
    { "list without name", "{\"name\": \"B\", \"lists\": [{\"id\": \"l1\"}], \"cards\": []}",
      OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_INVALID, "lists[0].name" },
    { "duplicate list", "{\"name\": \"B\", \"lists\": [{\"id\": \"l1\", \"name\": \"A\"}, "
      "{\"id\": \"l1\", \"name\": \"B\"}], \"cards\": []}", OBEYA_JSON_ERROR,
      OBEYA_JSON_ERROR_INVALID, "lists[1].id: a second list" },
    { "unknown list", "{\"name\": \"B\", " LISTS ", \"cards\": [{\"id\": \"c1\", \"name\": \"C\", "
      "\"idList\": \"nope\"}]}", OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_INVALID,
      "cards[0].idList: no list with id “nope”" },
    { "card name a number", "{\"name\": \"B\", " LISTS ", \"cards\": [{\"id\": \"c1\", "
      "\"name\": \"C\", \"idList\": \"l1\"}, {\"id\": \"c2\", \"name\": 7, \"idList\": \"l1\"}]}",
      OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_INVALID, "cards[1].name: expected a string" },
    { "bad due", "{\"name\": \"B\", " LISTS ", \"cards\": [{\"id\": \"c1\", \"name\": \"C\", "
      "\"idList\": \"l1\", \"due\": \"next Friday\"}]}", OBEYA_JSON_ERROR,
      OBEYA_JSON_ERROR_INVALID, "cards[0].due: “next Friday” is not a date" },
    { "closed not a boolean", "{\"name\": \"B\", " LISTS ", \"cards\": [{\"id\": \"c1\", "
      "\"name\": \"C\", \"idList\": \"l1\", \"closed\": \"yes\"}]}", OBEYA_JSON_ERROR,
      OBEYA_JSON_ERROR_INVALID, "cards[0].closed: expected true or false" },
    { "labels not strings", "{\"name\": \"B\", " LISTS ", \"cards\": [{\"id\": \"c1\", "
      "\"name\": \"C\", \"idList\": \"l1\", \"idLabels\": [1]}]}", OBEYA_JSON_ERROR,
      OBEYA_JSON_ERROR_INVALID, "cards[0].idLabels[0]: expected a string" },
    { "bad check state", "{\"name\": \"B\", " LISTS ", \"cards\": [{\"id\": \"c1\", "
      "\"name\": \"C\", \"idList\": \"l1\"}], \"checklists\": [{\"id\": \"k\", \"idCard\": \"c1\", "
      "\"checkItems\": [{\"name\": \"x\", \"state\": \"done\"}]}]}", OBEYA_JSON_ERROR,
      OBEYA_JSON_ERROR_INVALID, "checklists[0].checkItems[0].state" },
    /* Nested deeper than any workspace: refused before json-glib sees it. */
    { "deep", NULL, OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_TOO_DEEP, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ObeyaWorkspace) ws = existing_workspace ();
      g_autofree char *deep = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) before = obeya_workspace_save (ws, NULL);
      g_autoptr(GBytes) after = NULL;
      ObeyaBoard *board;

      if (cases[i].json == NULL)
        {
          g_autofree char *open = g_strnfill (OBEYA_JSON_MAX_DEPTH + 1, '[');
          g_autofree char *close = g_strnfill (OBEYA_JSON_MAX_DEPTH + 1, ']');

          deep = g_strconcat ("{\"name\": \"B\", \"lists\": [], \"cards\": [], \"x\": ", open,
                              close, "}", NULL);
        }
      bytes = string_bytes (cases[i].json ? cases[i].json : deep);
      board = obeya_trello_import (ws, bytes, &error);

      g_test_message ("%s: %s", cases[i].name, error ? error->message : "(no error)");
      g_assert_null (board);
      g_assert_error (error, cases[i].domain, cases[i].code);
      if (cases[i].message_part != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].message_part));

      /* Nothing changed, nothing to undo. */
      after = obeya_workspace_save (ws, NULL);
      g_assert_true (g_bytes_equal (before, after));
      g_assert_false (obeya_history_can_undo (obeya_workspace_get_history (ws)));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", TEST_TZ, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trello/mapping", test_mapping);
  g_test_add_func ("/trello/undo-redo", test_undo_redo);
  g_test_add_func ("/trello/round-trip", test_round_trip);
  g_test_add_func ("/trello/twice", test_twice);
  g_test_add_func ("/trello/roles", test_roles);
  g_test_add_func ("/trello/minimal", test_minimal);
  g_test_add_func ("/trello/colors", test_colors);
  g_test_add_func ("/trello/bad-input", test_bad_input);

  return g_test_run ();
}
