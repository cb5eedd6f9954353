/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workspace file: round trips byte for byte, keeps unknown members,
 * rejects bad files with a clear error, newer versions are read-only;
 * recurring standard work.
 */
#include "config.h"

#include "obeya-board.h"
#include "obeya-card.h"
#include "obeya-column.h"
#include "obeya-history.h"
#include "obeya-json.h"
#include "obeya-lane.h"
#include "obeya-person.h"
#include "obeya-recurrence.h"
#include "obeya-tag.h"
#include "obeya-workspace.h"

static ObeyaWorkspace *
build_rich_workspace (void)
{
  ObeyaWorkspace *ws = obeya_workspace_new ();
  ObeyaBoard *board;
  ObeyaColumn *backlog, *doing;
  ObeyaLane *expedite;
  ObeyaPerson *ana;
  ObeyaTag *tag;
  ObeyaCard *card;
  ObeyaRecurrence *recurrence;
  const char *ids[2] = { NULL, NULL };
  ObeyaDay holidays[] = { obeya_day_from_ymd (2026, 12, 25), obeya_day_from_ymd (2026, 12, 24) };

  obeya_time_set_fake_now ("2026-11-02T09:00:00+01:00");
  obeya_workspace_set_name (ws, "Finance back office");
  obeya_workspace_set_holidays (ws, holidays, 2);
  ana = obeya_workspace_add_person (ws, "Ana López");
  tag = obeya_workspace_add_tag (ws, "Month-end", "purple");
  board = obeya_workspace_add_board (ws, "Accounts payable “AP”", OBEYA_BOARD_TEAM,
                                     OBEYA_BOARD_TEMPLATE_BACK_OFFICE);
  backlog = obeya_board_get_first_column_with_role (board, OBEYA_COLUMN_ROLE_BACKLOG);
  doing = obeya_board_get_first_column_with_role (board, OBEYA_COLUMN_ROLE_ACTIVE);
  g_object_set (doing, "wip-limit", 4, NULL);
  expedite = obeya_board_add_lane (board, "Expedite", 0);
  g_object_set (expedite, "wip-limit", 1, NULL);

  card = obeya_board_add_card (board, backlog, NULL, -1, "Reconcile vendor statement\nline 2");
  ids[0] = obeya_entity_get_id (OBEYA_ENTITY (ana));
  g_object_set (card, "assignees", ids, "description", "Tab\there, quote \" and ünïcödé ✓",
                "due", "2026-11-30", "class-of-service", OBEYA_CLASS_EXPEDITE, NULL);
  ids[0] = obeya_entity_get_id (OBEYA_ENTITY (tag));
  g_object_set (card, "tags", ids, NULL);
  obeya_card_add_checklist_item (card, "Download statement", -1);
  obeya_card_add_checklist_item (card, "Match open items", -1);
  obeya_card_add_link (card, "url", "https://example.com/vendor/42", "Vendor portal");
  obeya_time_set_fake_now ("2026-11-03T08:15:00+01:00");
  obeya_board_move_card (board, card, doing, expedite, 0);
  obeya_card_block (card, "Vendor has not replied");
  obeya_time_set_fake_now ("2026-11-04T16:45:30-05:00");
  obeya_card_unblock (card);

  card = obeya_board_add_card (board, doing, NULL, -1, "Archived one");
  obeya_board_archive_card (board, card);

  recurrence = obeya_recurrence_new ("Month-end close", OBEYA_RECURRENCE_MONTHLY_WORKDAY);
  g_object_set (recurrence, "nth", 3, "checklist", (const char *[]) { "Accruals", "FX", NULL },
                NULL);
  obeya_board_add_recurrence (board, recurrence);
  g_object_unref (recurrence);

  obeya_workspace_add_board (ws, "My tasks", OBEYA_BOARD_PERSONAL, OBEYA_BOARD_TEMPLATE_PERSONAL);
  obeya_time_set_fake_now (NULL);
  return ws;
}

static GBytes *
save_ok (ObeyaWorkspace *ws)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = obeya_workspace_save (ws, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static ObeyaWorkspace *
load_ok (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  ObeyaWorkspace *ws = obeya_workspace_load (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ws);
  return ws;
}

static void
test_round_trip (void)
{
  g_autoptr(ObeyaWorkspace) ws = build_rich_workspace ();
  g_autoptr(GBytes) first = save_ok (ws);
  g_autoptr(ObeyaWorkspace) copy = load_ok (first);
  g_autoptr(GBytes) second = save_ok (copy);
  g_autoptr(ObeyaBoard) board = g_list_model_get_item (obeya_workspace_get_boards (copy), 0);
  const char *text = g_bytes_get_data (first, NULL);

  if (g_test_verbose ())
    g_printerr ("%.*s", (int) g_bytes_get_size (first), text);

  g_assert_true (g_bytes_equal (first, second));
  g_assert_true (g_str_has_prefix (text, "{\n  \"format\": \"obeya-workspace\",\n  \"version\": 1,\n"));
  g_assert_true (text[g_bytes_get_size (first) - 1] == '\n');

  /* The model survived: the card in Expedite/In progress, blocked episode closed. */
  {
    GListModel *lanes = obeya_board_get_lanes (board);
    g_autoptr(ObeyaLane) expedite = g_list_model_get_item (lanes, 0);
    ObeyaColumn *doing = obeya_board_get_first_column_with_role (board, OBEYA_COLUMN_ROLE_ACTIVE);
    g_autoptr(ObeyaCard) card = g_list_model_get_item (obeya_column_get_cell (doing, expedite), 0);
    guint n_blocks, n_moves;
    const ObeyaBlock *blocks = obeya_card_get_blocks (card, &n_blocks);

    g_assert_cmpstr (obeya_card_get_title (card), ==, "Reconcile vendor statement\nline 2");
    g_assert_cmpuint (n_blocks, ==, 1);
    g_assert_cmpstr (blocks[0].reason, ==, "Vendor has not replied");
    g_assert_cmpint (blocks[0].end.offset, ==, -5 * 3600);
    obeya_card_get_moves (card, &n_moves);
    g_assert_cmpuint (n_moves, ==, 2); /* created in Backlog/Standard, In progress/Expedite */
    g_assert_cmpuint (obeya_card_get_checklist_total (card), ==, 2);
    g_assert_cmpuint (obeya_column_get_wip_limit (doing), ==, 4);
    g_assert_cmpuint (g_list_model_get_n_items (obeya_board_get_archived_cards (board)), ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (obeya_board_get_recurrences (board)), ==, 1);
  }
  g_assert_false (obeya_workspace_is_working_day (copy, obeya_day_from_ymd (2026, 12, 25)));
  g_assert_true (obeya_workspace_is_working_day (copy, obeya_day_from_ymd (2026, 12, 28)));
}

static void
test_unknown_members (void)
{
  g_autoptr(ObeyaWorkspace) ws = build_rich_workspace ();
  g_autoptr(GBytes) bytes = save_ok (ws);
  g_autoptr(JsonNode) root = obeya_json_parse (g_bytes_get_data (bytes, NULL),
                                               g_bytes_get_size (bytes), NULL);
  JsonObject *top = json_node_get_object (root);
  JsonObject *board = json_array_get_object_element (json_object_get_array_member (top, "boards"), 0);
  JsonObject *card = json_array_get_object_element (json_object_get_array_member (board, "cards"), 0);
  JsonObject *column = json_array_get_object_element (json_object_get_array_member (board, "columns"), 0);
  JsonObject *person = json_array_get_object_element (json_object_get_array_member (top, "people"), 0);
  g_autoptr(ObeyaJsonWriter) writer = NULL;
  g_autoptr(GBytes) with_unknown = NULL;
  g_autoptr(GBytes) resaved = NULL;
  g_autoptr(ObeyaWorkspace) copy = NULL;

  json_object_set_string_member (top, "x-future-top", "kept");
  json_object_set_int_member (board, "x-board-score", 7);
  json_object_set_double_member (card, "x-weight", 0.1);
  {
    JsonArray *nested = json_array_new ();
    json_array_add_int_element (nested, 1);
    json_array_add_string_element (nested, "two");
    json_object_set_array_member (card, "x-list", nested);
  }
  json_object_set_boolean_member (column, "x-visible", TRUE);
  json_object_set_null_member (person, "x-email");

  writer = obeya_json_writer_new ();
  obeya_json_writer_node (writer, root);
  with_unknown = obeya_json_writer_free_to_bytes (g_steal_pointer (&writer), NULL);

  copy = load_ok (with_unknown);
  resaved = save_ok (copy);
  /* Unknown members come after the known ones; written by us, the file is canonical. */
  {
    g_autoptr(ObeyaWorkspace) again = load_ok (resaved);
    g_autoptr(GBytes) third = save_ok (again);
    g_assert_true (g_bytes_equal (resaved, third));
  }
  {
    const char *text = g_bytes_get_data (resaved, NULL);
    g_assert_nonnull (strstr (text, "\"x-future-top\": \"kept\""));
    g_assert_nonnull (strstr (text, "\"x-board-score\": 7"));
    g_assert_nonnull (strstr (text, "\"x-weight\": 0.1"));
    g_assert_nonnull (strstr (text, "\"x-list\": [1, \"two\"]"));
    g_assert_nonnull (strstr (text, "\"x-visible\": true"));
    g_assert_nonnull (strstr (text, "\"x-email\": null"));
  }
}

typedef struct
{
  const char *name;
  const char *json;
  GQuark      domain;
  int         code;
  const char *message_part;
} BadFile;

#define HEAD "{\"format\": \"obeya-workspace\", \"version\": 1, "
#define PEOPLE "\"people\": [{\"id\": \"p1\", \"name\": \"Ana\"}], "
#define COLUMNS "\"columns\": [{\"id\": \"c1\", \"name\": \"Doing\", \"role\": \"active\"}]"

static void
test_bad_files (void)
{
  const BadFile cases[] = {
    { "empty", "", OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_EMPTY, NULL },
    { "not json", "hello", OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_SYNTAX, "line 1" },
    { "array", "[1, 2]", OBEYA_WORKSPACE_ERROR, OBEYA_WORKSPACE_ERROR_NOT_A_WORKSPACE, NULL },
    { "other format", "{\"format\": \"trello\"}", OBEYA_WORKSPACE_ERROR,
      OBEYA_WORKSPACE_ERROR_NOT_A_WORKSPACE, "format" },
    { "missing version", "{\"format\": \"obeya-workspace\"}", OBEYA_JSON_ERROR,
      OBEYA_JSON_ERROR_INVALID, "version" },
    { "wrong type", HEAD "\"name\": 5}", OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_INVALID, "name" },
    { "person without name", HEAD "\"people\": [{\"id\": \"p1\"}]}", OBEYA_JSON_ERROR,
      OBEYA_JSON_ERROR_INVALID, "people[0].name" },
    { "duplicate id", HEAD "\"people\": [{\"id\": \"p1\", \"name\": \"A\"}, "
      "{\"id\": \"p1\", \"name\": \"B\"}]}", OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_INVALID,
      "people[1].id: duplicate id" },
    { "dangling column", HEAD "\"boards\": [{\"id\": \"b1\", \"name\": \"B\", " COLUMNS ", "
      "\"cards\": [{\"id\": \"k1\", \"title\": \"T\", \"column\": \"nope\", "
      "\"created\": \"2026-11-02T09:00:00+01:00\"}]}]}",
      OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_INVALID, "boards[0].cards[0].column" },
    { "dangling assignee", HEAD PEOPLE "\"boards\": [{\"id\": \"b1\", \"name\": \"B\", " COLUMNS
      ", \"cards\": [{\"id\": \"k1\", \"title\": \"T\", \"column\": \"c1\", \"assignees\": "
      "[\"p1\", \"p2\"], \"created\": \"2026-11-02T09:00:00+01:00\"}]}]}",
      OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_INVALID, "boards[0].cards[0].assignees[1]" },
    { "bad timestamp", HEAD "\"boards\": [{\"id\": \"b1\", \"name\": \"B\", " COLUMNS ", "
      "\"cards\": [{\"id\": \"k1\", \"title\": \"T\", \"column\": \"c1\", "
      "\"created\": \"yesterday\"}]}]}",
      OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_INVALID, "boards[0].cards[0].created" },
    { "bad role", HEAD "\"boards\": [{\"id\": \"b1\", \"name\": \"B\", \"columns\": "
      "[{\"id\": \"c1\", \"name\": \"X\", \"role\": \"sideways\"}]}]}",
      OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_INVALID, "boards[0].columns[0].role" },
    { "huge integer", HEAD "\"boards\": [{\"id\": \"b1\", \"name\": \"B\", \"columns\": "
      "[{\"id\": \"c1\", \"name\": \"X\", \"role\": \"active\", \"wip_limit\": "
      "18446744073709551615}]}]}", OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_NUMBER, NULL },
    { "negative wip", HEAD "\"boards\": [{\"id\": \"b1\", \"name\": \"B\", \"columns\": "
      "[{\"id\": \"c1\", \"name\": \"X\", \"role\": \"active\", \"wip_limit\": -1}]}]}",
      OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_INVALID, "wip_limit" },
    { "missing lane", HEAD "\"boards\": [{\"id\": \"b1\", \"name\": \"B\", " COLUMNS ", "
      "\"lanes\": [{\"id\": \"l1\", \"name\": \"L\"}], "
      "\"cards\": [{\"id\": \"k1\", \"title\": \"T\", \"column\": \"c1\", "
      "\"created\": \"2026-11-02T09:00:00+01:00\"}]}]}",
      OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_INVALID, "boards[0].cards[0].lane" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].json, strlen (cases[i].json));
      g_autoptr(GError) error = NULL;
      g_autoptr(ObeyaWorkspace) ws = obeya_workspace_load (bytes, &error);

      g_test_message ("%s: %s", cases[i].name, error ? error->message : "(no error)");
      g_assert_null (ws);
      g_assert_error (error, cases[i].domain, cases[i].code);
      if (cases[i].message_part != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].message_part));
    }
}

static void
test_newer_version (void)
{
  const char *json = "{\"format\": \"obeya-workspace\", \"version\": 99, \"name\": \"Future\", "
                     "\"hyperboards\": []}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(ObeyaWorkspace) ws = load_ok (bytes);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out = NULL;

  g_assert_true (obeya_workspace_get_read_only (ws));
  g_assert_cmpuint (obeya_workspace_get_file_version (ws), ==, 99);
  out = obeya_workspace_save (ws, &error);
  g_assert_null (out);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "newer version"));
}

static void
test_summary (void)
{
  g_autoptr(ObeyaWorkspace) ws = build_rich_workspace ();
  g_autofree char *summary = obeya_workspace_dup_summary (ws);

  g_assert_cmpstr (summary, ==, "2 boards, 2 cards, 1 person, 1 tag");
}

static void
test_recurrence_schedule (void)
{
  g_autoptr(ObeyaWorkspace) ws = obeya_workspace_new ();
  ObeyaBoard *board = obeya_workspace_add_board (ws, "B", OBEYA_BOARD_TEAM,
                                                 OBEYA_BOARD_TEMPLATE_BACK_OFFICE);
  g_autoptr(ObeyaRecurrence) weekly = obeya_recurrence_new ("Weekly", OBEYA_RECURRENCE_WEEKLY);
  g_autoptr(ObeyaRecurrence) monthly = obeya_recurrence_new ("Rent", OBEYA_RECURRENCE_MONTHLY_DATE);
  g_autoptr(ObeyaRecurrence) close = obeya_recurrence_new ("Close", OBEYA_RECURRENCE_MONTHLY_WORKDAY);
  ObeyaDay holiday = obeya_day_from_ymd (2026, 12, 1);
  g_autofree char *describe = NULL;

  obeya_board_add_recurrence (board, weekly);
  obeya_board_add_recurrence (board, monthly);
  obeya_board_add_recurrence (board, close);
  obeya_recurrence_set_start (weekly, obeya_day_from_ymd (2026, 1, 1));
  obeya_recurrence_set_start (monthly, obeya_day_from_ymd (2026, 1, 1));
  obeya_recurrence_set_start (close, obeya_day_from_ymd (2026, 1, 1));

  /* Mondays and Thursdays. */
  g_object_set (weekly, "weekdays", (1u << 0) | (1u << 3), NULL);
  g_assert_true (obeya_recurrence_occurs_on (weekly, obeya_day_from_ymd (2026, 11, 23)));
  g_assert_true (obeya_recurrence_occurs_on (weekly, obeya_day_from_ymd (2026, 11, 26)));
  g_assert_false (obeya_recurrence_occurs_on (weekly, obeya_day_from_ymd (2026, 11, 24)));
  describe = obeya_recurrence_describe (weekly);
  g_assert_cmpstr (describe, ==, "Every Monday, Thursday");

  /* Day 31 falls on the last day of shorter months. */
  g_object_set (monthly, "day", 31, NULL);
  g_assert_true (obeya_recurrence_occurs_on (monthly, obeya_day_from_ymd (2026, 2, 28)));
  g_assert_true (obeya_recurrence_occurs_on (monthly, obeya_day_from_ymd (2026, 4, 30)));
  g_assert_false (obeya_recurrence_occurs_on (monthly, obeya_day_from_ymd (2026, 4, 29)));

  /* 3rd working day of December 2026 with the 1st a holiday: Tue 1 is a
   * holiday, so Wed 2, Thu 3, Fri 4 → Friday the 4th. */
  g_object_set (close, "nth", 3, NULL);
  obeya_workspace_set_holidays (ws, &holiday, 1);
  g_assert_true (obeya_recurrence_occurs_on (close, obeya_day_from_ymd (2026, 12, 4)));
  g_assert_false (obeya_recurrence_occurs_on (close, obeya_day_from_ymd (2026, 12, 3)));
  /* November 2026: Mon 2, Tue 3, Wed 4. */
  g_assert_true (obeya_recurrence_occurs_on (close, obeya_day_from_ymd (2026, 11, 4)));

  /* Running on Wed 2026-12-09: weekly → Mon 7 is the latest due occurrence;
   * monthly (31st) → 30 Nov; close → 4 Dec. One card each, and not twice. */
  g_assert_cmpuint (obeya_workspace_run_recurrences (ws, obeya_day_from_ymd (2026, 12, 9)), ==, 3);
  g_assert_cmpuint (obeya_board_get_cards (board)->len, ==, 3);
  g_assert_cmpuint (obeya_recurrence_get_last_created (weekly), ==, obeya_day_from_ymd (2026, 12, 7));
  g_assert_cmpuint (obeya_workspace_run_recurrences (ws, obeya_day_from_ymd (2026, 12, 9)), ==, 0);
  {
    ObeyaCard *card = obeya_board_get_cards (board)->pdata[2];
    guint n_links;

    g_assert_cmpstr (obeya_card_get_title (card), ==, "Close");
    g_assert_cmpuint (obeya_card_get_due (card), ==, obeya_day_from_ymd (2026, 12, 4));
    n_links = g_list_model_get_n_items (obeya_card_get_links (card));
    g_assert_cmpuint (n_links, ==, 1);
  }
  /* Thursday: the weekly one again. */
  g_assert_cmpuint (obeya_workspace_run_recurrences (ws, obeya_day_from_ymd (2026, 12, 10)), ==, 1);
  /* One undo removes a whole run. */
  obeya_history_undo (obeya_workspace_get_history (ws));
  g_assert_cmpuint (obeya_board_get_cards (board)->len, ==, 3);
  g_assert_cmpuint (obeya_recurrence_get_last_created (weekly), ==, obeya_day_from_ymd (2026, 12, 7));

  /* Paused: nothing. */
  g_object_set (weekly, "paused", TRUE, NULL);
  g_assert_cmpuint (obeya_workspace_run_recurrences (ws, obeya_day_from_ymd (2026, 12, 10)), ==, 0);
}

static void
test_time (void)
{
  ObeyaTimestamp ts;
  char buf[OBEYA_TIMESTAMP_BUF_SIZE];
  ObeyaDay day;

  g_assert_true (obeya_timestamp_parse ("2026-11-25T23:30:00-05:00", &ts));
  g_assert_cmpstr (obeya_timestamp_format (ts, buf), ==, "2026-11-25T23:30:00-05:00");
  /* The calendar day is the one where it happened, not UTC's. */
  g_assert_cmpuint (obeya_timestamp_get_day (ts), ==, obeya_day_from_ymd (2026, 11, 25));
  g_assert_true (obeya_timestamp_parse ("1969-12-31T23:59:59Z", &ts));
  g_assert_cmpint (ts.seconds, ==, -1);
  g_assert_cmpstr (obeya_timestamp_format (ts, buf), ==, "1969-12-31T23:59:59Z");
  g_assert_true (obeya_timestamp_parse ("2026-11-25T10:00:00.123+01:00", &ts));
  g_assert_false (obeya_timestamp_parse ("2026-02-30T10:00:00Z", &ts));
  g_assert_false (obeya_timestamp_parse ("2026-11-25T10:00:00", &ts));
  g_assert_false (obeya_timestamp_parse ("2026-11-25T10:00:00+01:00x", &ts));
  g_assert_true (obeya_day_parse ("2024-02-29", &day));
  g_assert_false (obeya_day_parse ("2023-02-29", &day));
  g_assert_cmpint (obeya_day_get_weekday (obeya_day_from_ymd (2026, 11, 25)), ==, 3);
  {
    GDate date;
    g_date_clear (&date, 1);
    g_date_set_dmy (&date, 25, 11, 2026);
    g_assert_cmpuint (g_date_get_julian (&date), ==, obeya_day_from_ymd (2026, 11, 25));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workspace/round-trip", test_round_trip);
  g_test_add_func ("/workspace/unknown-members", test_unknown_members);
  g_test_add_func ("/workspace/bad-files", test_bad_files);
  g_test_add_func ("/workspace/newer-version", test_newer_version);
  g_test_add_func ("/workspace/summary", test_summary);
  g_test_add_func ("/workspace/recurrence-schedule", test_recurrence_schedule);
  g_test_add_func ("/workspace/time", test_time);

  return g_test_run ();
}
