/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The filter bar's logic: each criterion alone, combinations, folding of
 * case and accents, the per-card cache, and "My cards" across boards.
 */
#include "config.h"

#include <string.h>

#include "obeya-board.h"
#include "obeya-card.h"
#include "obeya-card-query.h"
#include "obeya-column.h"
#include "obeya-history.h"
#include "obeya-lane.h"
#include "obeya-person.h"
#include "obeya-tag.h"
#include "obeya-workspace.h"

typedef struct
{
  ObeyaWorkspace *ws;
  ObeyaBoard     *ap;       /* back-office template, with an Expedite lane */
  ObeyaBoard     *personal; /* personal template */
  ObeyaBoard     *old;      /* archived board */
  const char     *ana, *ben, *chloe;
  const char     *urgent, *month_end;
  ObeyaCard      *invoice, *vendor, *payroll, *expedite, *done, *archived, *todo, *old_card;
  ObeyaDay        today;
} Fixture;

static ObeyaColumn *
column_at (ObeyaBoard *board,
           guint       i)
{
  ObeyaColumn *column = g_list_model_get_item (obeya_board_get_columns (board), i);

  g_object_unref (column);
  return column;
}

static void
set_ids (ObeyaCard  *card,
         const char *property,
         const char *first,
         const char *second)
{
  const char *ids[] = { first, second, NULL };

  g_object_set (card, property, ids, NULL);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  ObeyaLane *expedite_lane;

  obeya_time_set_fake_now ("2026-11-02T09:00:00+01:00");
  f->today = obeya_day_from_ymd (2026, 11, 10);
  f->ws = obeya_workspace_new ();
  f->ana = obeya_entity_get_id (OBEYA_ENTITY (obeya_workspace_add_person (f->ws, "Ana López")));
  f->ben = obeya_entity_get_id (OBEYA_ENTITY (obeya_workspace_add_person (f->ws, "Ben Okafor")));
  f->chloe = obeya_entity_get_id (OBEYA_ENTITY (obeya_workspace_add_person (f->ws, "Chloé")));
  f->urgent = obeya_entity_get_id (OBEYA_ENTITY (obeya_workspace_add_tag (f->ws, "Urgent", "red")));
  f->month_end = obeya_entity_get_id (OBEYA_ENTITY (obeya_workspace_add_tag (f->ws, "Month-end",
                                                                             "purple")));

  f->ap = obeya_workspace_add_board (f->ws, "AP", OBEYA_BOARD_TEAM,
                                     OBEYA_BOARD_TEMPLATE_BACK_OFFICE);
  f->personal = obeya_workspace_add_board (f->ws, "Ana's", OBEYA_BOARD_PERSONAL,
                                           OBEYA_BOARD_TEMPLATE_PERSONAL);
  f->old = obeya_workspace_add_board (f->ws, "Old", OBEYA_BOARD_TEAM,
                                      OBEYA_BOARD_TEMPLATE_PERSONAL);

  /* AP: Backlog, Ready, In progress, Review, Done; lanes Expedite (top), Standard. */
  expedite_lane = obeya_board_add_lane (f->ap, "Expedite", 0);

  f->invoice = obeya_board_add_card (f->ap, column_at (f->ap, 2), NULL, -1,
                                     "Approve invoice 4711");
  g_object_set (f->invoice, "description", "Vendor Müller GmbH, due at month-end", NULL);
  set_ids (f->invoice, "assignees", f->ana, NULL);
  set_ids (f->invoice, "tags", f->month_end, NULL);

  f->vendor = obeya_board_add_card (f->ap, column_at (f->ap, 0), NULL, -1,
                                    "Créer la fiche fournisseur");
  g_object_set (f->vendor, "due", "2026-11-09", NULL); /* overdue on the 10th */
  set_ids (f->vendor, "assignees", f->ben, f->ana);

  f->payroll = obeya_board_add_card (f->ap, column_at (f->ap, 2), NULL, -1,
                                     "Payroll journal Østfold");
  obeya_card_block (f->payroll, "Waiting for HR");
  set_ids (f->payroll, "assignees", f->chloe, NULL);
  set_ids (f->payroll, "tags", f->urgent, f->month_end);

  f->expedite = obeya_board_add_card (f->ap, column_at (f->ap, 2), expedite_lane, -1,
                                      "Urgent refund");
  g_object_set (f->expedite, "due", "2026-11-03", NULL);
  set_ids (f->expedite, "assignees", f->ana, NULL);
  set_ids (f->expedite, "tags", f->urgent, NULL);

  /* Due in the past but done: never overdue. */
  f->done = obeya_board_add_card (f->ap, column_at (f->ap, 4), NULL, -1, "Paid invoice 4690");
  g_object_set (f->done, "due", "2026-11-01", NULL);
  set_ids (f->done, "assignees", f->ana, NULL);

  f->archived = obeya_board_add_card (f->ap, column_at (f->ap, 2), NULL, -1, "Old invoice");
  set_ids (f->archived, "assignees", f->ana, NULL);
  obeya_board_archive_card (f->ap, f->archived);

  f->todo = obeya_board_add_card (f->personal, column_at (f->personal, 0), NULL, -1,
                                  "Book training");
  set_ids (f->todo, "assignees", f->ana, NULL);

  f->old_card = obeya_board_add_card (f->old, column_at (f->old, 0), NULL, -1, "Ancient invoice");
  set_ids (f->old_card, "assignees", f->ana, NULL);
  g_object_set (f->old, "archived", TRUE, NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->ws);
  obeya_time_set_fake_now (NULL);
}

/* The titles of the cards of the AP board the query matches, in creation
 * order, joined by "|". */
static char *
matching (Fixture        *f,
          ObeyaCardQuery *query)
{
  GPtrArray *cards = obeya_board_get_cards (f->ap);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < cards->len; i++)
    if (obeya_card_query_matches (query, cards->pdata[i], f->today))
      {
        if (s->len > 0)
          g_string_append_c (s, '|');
        g_string_append (s, obeya_card_get_title (cards->pdata[i]));
      }
  return g_string_free (s, FALSE);
}

#define assert_matching(f, query, expected) \
  G_STMT_START { \
    g_autofree char *got_ = matching (f, query); \
    g_assert_cmpstr (got_, ==, expected); \
  } G_STMT_END

#define ALL_AP "Approve invoice 4711|Créer la fiche fournisseur|Payroll journal Østfold|" \
               "Urgent refund|Paid invoice 4690|Old invoice"

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(ObeyaCardQuery) query = obeya_card_query_new ();

  g_assert_true (obeya_card_query_is_empty (query));
  assert_matching (f, query, ALL_AP);

  /* Blanks are no text. */
  obeya_card_query_set_text (query, "  \t ");
  g_assert_true (obeya_card_query_is_empty (query));
  assert_matching (f, query, ALL_AP);
  obeya_card_query_set_text (query, "");
  g_assert_null (obeya_card_query_get_text (query));

  /* Empty id lists are no criterion either. */
  obeya_card_query_set_tags (query, (const char *[]) { NULL });
  g_assert_null (obeya_card_query_get_tags (query));
  g_assert_true (obeya_card_query_is_empty (query));

  obeya_card_query_set_blocked_only (query, TRUE);
  g_assert_false (obeya_card_query_is_empty (query));
  obeya_card_query_clear (query);
  g_assert_true (obeya_card_query_is_empty (query));
}

static void
test_text (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(ObeyaCardQuery) query = obeya_card_query_new ();

  obeya_card_query_set_text (query, "invoice");
  assert_matching (f, query, "Approve invoice 4711|Paid invoice 4690|Old invoice");
  g_assert_false (obeya_card_query_is_empty (query));

  /* Case-insensitive. */
  obeya_card_query_set_text (query, "INVOICE 4711");
  assert_matching (f, query, "Approve invoice 4711");

  /* Every word must match, anywhere, in any order. */
  obeya_card_query_set_text (query, "4711   approve");
  assert_matching (f, query, "Approve invoice 4711");
  obeya_card_query_set_text (query, "invoice payroll");
  assert_matching (f, query, "");

  /* The description counts. */
  obeya_card_query_set_text (query, "month-end");
  assert_matching (f, query, "Approve invoice 4711");

  /* Accents, both ways: the query without, the card with, and the reverse. */
  obeya_card_query_set_text (query, "creer fiche");
  assert_matching (f, query, "Créer la fiche fournisseur");
  obeya_card_query_set_text (query, "MULLER");
  assert_matching (f, query, "Approve invoice 4711");
  obeya_card_query_set_text (query, "FÏCHE");
  assert_matching (f, query, "Créer la fiche fournisseur");
  /* A letter that does not decompose. */
  obeya_card_query_set_text (query, "ostfold");
  assert_matching (f, query, "Payroll journal Østfold");

  /* A word cannot span the title and the description. */
  obeya_card_query_set_text (query, "4711vendor");
  assert_matching (f, query, "");
}

static void
test_fold (void)
{
  const struct { const char *in, *out; } cases[] = {
    { "Plain ASCII 42", "plain ascii 42" },
    { "Ana López", "ana lopez" },
    { "ÉTAPE", "etape" },
    { "Straße", "strasse" },
    { "Œuvre Æsir Łódź ø đ", "oeuvre aesir lodz o d" },
    { "ﬁle", "file" },             /* compatibility ligature */
    { "Ⅻ", "xii" },               /* compatibility numeral */
    { "Ｆｕｌｌ", "full" },         /* full-width */
    { "日本語", "日本語" },          /* kept as is */
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = obeya_card_query_fold_text (cases[i].in);

      g_assert_cmpstr (folded, ==, cases[i].out);
    }

  {
    g_autofree char *folded = obeya_card_query_fold_text (NULL);
    g_assert_cmpstr (folded, ==, "");
  }
  /* Invalid UTF-8 never crashes; the valid part still folds. */
  {
    g_autofree char *folded = obeya_card_query_fold_text ("Caf\xc3\xa9 \xff Ol\xc3\xa9");

    g_assert_true (g_utf8_validate (folded, -1, NULL));
    g_assert_true (g_str_has_prefix (folded, "cafe "));
    g_assert_true (g_str_has_suffix (folded, " ole"));
  }
}

static void
test_assignees_and_tags (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(ObeyaCardQuery) query = obeya_card_query_new ();

  obeya_card_query_set_assignees (query, (const char *[]) { f->ben, NULL });
  assert_matching (f, query, "Créer la fiche fournisseur");

  /* Any of the chosen people. */
  obeya_card_query_set_assignees (query, (const char *[]) { f->ben, f->chloe, NULL });
  assert_matching (f, query, "Créer la fiche fournisseur|Payroll journal Østfold");
  g_assert_cmpuint (g_strv_length ((GStrv) obeya_card_query_get_assignees (query)), ==, 2);

  obeya_card_query_set_assignees (query, NULL);
  obeya_card_query_set_tags (query, (const char *[]) { f->urgent, NULL });
  assert_matching (f, query, "Payroll journal Østfold|Urgent refund");

  obeya_card_query_set_tags (query, (const char *[]) { f->urgent, f->month_end, NULL });
  assert_matching (f, query, "Approve invoice 4711|Payroll journal Østfold|Urgent refund");

  /* People and tags together: both must hold. */
  obeya_card_query_set_assignees (query, (const char *[]) { f->ana, NULL });
  assert_matching (f, query, "Approve invoice 4711|Urgent refund");

  /* An id no card carries. */
  obeya_card_query_set_tags (query, (const char *[]) { "no-such-tag", NULL });
  assert_matching (f, query, "");
}

static void
test_blocked_and_overdue (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(ObeyaCardQuery) query = obeya_card_query_new ();

  obeya_card_query_set_blocked_only (query, TRUE);
  assert_matching (f, query, "Payroll journal Østfold");

  /* Unblocking takes the card out at once. */
  obeya_card_unblock (f->payroll);
  assert_matching (f, query, "");
  obeya_history_undo (obeya_workspace_get_history (f->ws));
  assert_matching (f, query, "Payroll journal Østfold");

  obeya_card_query_set_blocked_only (query, FALSE);
  obeya_card_query_set_overdue_only (query, TRUE);
  /* Due the 9th and the 3rd, today the 10th; the done card is not overdue. */
  assert_matching (f, query, "Créer la fiche fournisseur|Urgent refund");
  /* On the due day itself it is not overdue yet. */
  {
    GPtrArray *cards = obeya_board_get_cards (f->ap);
    g_assert_false (obeya_card_query_matches (query, cards->pdata[1],
                                              obeya_day_from_ymd (2026, 11, 9)));
    g_assert_true (obeya_card_query_matches (query, cards->pdata[1],
                                             obeya_day_from_ymd (2026, 11, 10)));
  }

  /* Overdue and blocked: none is both. */
  obeya_card_query_set_blocked_only (query, TRUE);
  assert_matching (f, query, "");
  obeya_card_block (f->expedite, "Bank holiday");
  assert_matching (f, query, "Urgent refund");
}

static void
test_person (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(ObeyaCardQuery) query = obeya_card_query_new ();

  obeya_card_query_set_person (query, f->ana);
  g_assert_cmpstr (obeya_card_query_get_person (query), ==, f->ana);
  g_assert_false (obeya_card_query_is_empty (query));
  assert_matching (f, query, "Approve invoice 4711|Créer la fiche fournisseur|Urgent refund|"
                             "Paid invoice 4690|Old invoice");

  /* Narrowed by the filter bar: Ana's cards tagged Urgent, or with text. */
  obeya_card_query_set_tags (query, (const char *[]) { f->urgent, NULL });
  assert_matching (f, query, "Urgent refund");
  obeya_card_query_set_tags (query, NULL);
  obeya_card_query_set_text (query, "invoice");
  assert_matching (f, query, "Approve invoice 4711|Paid invoice 4690|Old invoice");

  /* "My cards" and an assignee choice: both hold (Ana's and Ben's). */
  obeya_card_query_set_text (query, NULL);
  obeya_card_query_set_assignees (query, (const char *[]) { f->ben, NULL });
  assert_matching (f, query, "Créer la fiche fournisseur");

  obeya_card_query_set_person (query, "");
  g_assert_null (obeya_card_query_get_person (query));
}

static void
test_combined (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(ObeyaCardQuery) query = obeya_card_query_new ();

  g_object_set (query,
                "text", "urgent",
                "assignees", (const char *[]) { f->ana, f->chloe, NULL },
                "tags", (const char *[]) { f->urgent, NULL },
                "overdue-only", TRUE,
                NULL);
  assert_matching (f, query, "Urgent refund");

  /* Text that only another card has. */
  obeya_card_query_set_text (query, "payroll");
  assert_matching (f, query, "");
  /* Without the overdue criterion the payroll card matches. */
  obeya_card_query_set_overdue_only (query, FALSE);
  assert_matching (f, query, "Payroll journal Østfold");
}

static void
count_cb (gpointer  object,
          guint    *count)
{
  (*count)++;
}

static void
test_changed_signal (void)
{
  g_autoptr(ObeyaCardQuery) query = obeya_card_query_new ();
  guint changed = 0;
  g_autofree char *text = NULL;
  gboolean blocked;

  g_signal_connect (query, "changed", G_CALLBACK (count_cb), &changed);

  obeya_card_query_set_text (query, "abc");
  g_assert_cmpuint (changed, ==, 1);
  /* The same value again: nothing. */
  obeya_card_query_set_text (query, "abc");
  obeya_card_query_set_overdue_only (query, FALSE);
  g_assert_cmpuint (changed, ==, 1);

  /* Several properties at once: one signal. */
  g_object_set (query, "text", "x", "blocked-only", TRUE, "person", "p1", NULL);
  g_assert_cmpuint (changed, ==, 2);
  g_object_get (query, "text", &text, "blocked-only", &blocked, NULL);
  g_assert_cmpstr (text, ==, "x");
  g_assert_true (blocked);

  obeya_card_query_clear (query);
  g_assert_cmpuint (changed, ==, 3);
  obeya_card_query_clear (query);
  g_assert_cmpuint (changed, ==, 3);
}

static void
test_cache_follows_edits (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(ObeyaCardQuery) query = obeya_card_query_new ();
  ObeyaHistory *history = obeya_workspace_get_history (f->ws);

  obeya_card_query_set_text (query, "reconcile");
  assert_matching (f, query, "");

  /* The cached folded text is rebuilt when the title changes… */
  obeya_entity_edit (OBEYA_ENTITY (f->vendor), "Rename", "title", "Reconcile accounts", NULL);
  assert_matching (f, query, "Reconcile accounts");
  /* …and when it changes back through undo. */
  obeya_history_undo (history);
  assert_matching (f, query, "");
  obeya_history_redo (history);
  assert_matching (f, query, "Reconcile accounts");

  /* The description as well, set and cleared. */
  obeya_card_query_set_text (query, "statement");
  obeya_entity_edit (OBEYA_ENTITY (f->done), "Describe", "description", "Bank statement", NULL);
  assert_matching (f, query, "Paid invoice 4690");
  obeya_entity_edit (OBEYA_ENTITY (f->done), "Describe", "description", "", NULL);
  assert_matching (f, query, "");
}

static char *
collected_titles (GPtrArray *cards)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < cards->len; i++)
    {
      if (i > 0)
        g_string_append_c (s, '|');
      g_string_append (s, obeya_card_get_title (cards->pdata[i]));
    }
  return g_string_free (s, FALSE);
}

static void
test_collect (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(ObeyaCardQuery) query = obeya_card_query_new ();
  g_autoptr(GPtrArray) cards = NULL;
  g_autofree char *titles = NULL;

  /* "My cards" for Ana: the AP board in column order (Backlog, then In
   * progress with Expedite above Standard, then Done), then her personal
   * board; never the archived card nor the archived board. */
  obeya_card_query_set_person (query, f->ana);
  cards = obeya_card_query_collect (query, f->ws, f->today);
  titles = collected_titles (cards);
  g_assert_cmpstr (titles, ==, "Créer la fiche fournisseur|Urgent refund|Approve invoice 4711|"
                               "Paid invoice 4690|Book training");
  g_clear_pointer (&cards, g_ptr_array_unref);
  g_clear_pointer (&titles, g_free);

  /* Display order within a cell follows the board. */
  obeya_board_move_card (f->ap, f->payroll, column_at (f->ap, 2), NULL, 0);
  /* The empty query: every active card of the active boards. */
  obeya_card_query_set_person (query, NULL);
  cards = obeya_card_query_collect (query, f->ws, f->today);
  titles = collected_titles (cards);
  g_assert_cmpstr (titles, ==, "Créer la fiche fournisseur|Urgent refund|Payroll journal Østfold|"
                               "Approve invoice 4711|Paid invoice 4690|Book training");
  g_clear_pointer (&cards, g_ptr_array_unref);
  g_clear_pointer (&titles, g_free);

  /* Nothing matches: an empty array, not NULL. */
  obeya_card_query_set_text (query, "zzz");
  cards = obeya_card_query_collect (query, f->ws, f->today);
  g_assert_cmpuint (cards->len, ==, 0);
}

/* ---- performance (only with -m perf) ------------------------------------------- */

static void
test_perf (void)
{
  g_autoptr(ObeyaWorkspace) ws = obeya_workspace_new ();
  ObeyaBoard *board = obeya_workspace_add_board (ws, "Big", OBEYA_BOARD_TEAM,
                                                 OBEYA_BOARD_TEMPLATE_BACK_OFFICE);
  g_autoptr(ObeyaCardQuery) query = obeya_card_query_new ();
  g_autoptr(GTimer) timer = g_timer_new ();
  GPtrArray *cards;
  double cold, warm, fold_only;
  guint matched = 0;

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *title = g_strdup_printf ("%s %u — région Île-de-France, fournisseur n°%u",
                                                i % 2 ? "Reconcile supplier invoice" :
                                                        "Préparer la clôture",
                                                i, i * 7);
      ObeyaCard *card = obeya_board_add_card (board, column_at (board, i % 5), NULL, -1, title);

      g_object_set (card, "description",
                    "Check every line against the purchase order, then file the PDF in the "
                    "shared drive under Finance/AP/2026. Ask Ana López when the amounts differ.",
                    NULL);
    }
  cards = obeya_board_get_cards (board);
  obeya_card_query_set_text (query, "lopez 1999");

  g_timer_start (timer);
  for (guint i = 0; i < cards->len; i++)
    {
      g_autofree char *joined = g_strconcat (obeya_card_get_title (cards->pdata[i]), "\n",
                                             obeya_card_get_description (cards->pdata[i]), NULL);
      g_autofree char *folded = obeya_card_query_fold_text (joined);
      matched += strstr (folded, "1999") != NULL;
    }
  fold_only = g_timer_elapsed (timer, NULL);

  g_timer_start (timer);
  for (guint i = 0; i < cards->len; i++)
    matched += obeya_card_query_matches (query, cards->pdata[i], 0);
  cold = g_timer_elapsed (timer, NULL);

  g_timer_start (timer);
  for (guint i = 0; i < cards->len; i++)
    matched += obeya_card_query_matches (query, cards->pdata[i], 0);
  warm = g_timer_elapsed (timer, NULL);

  g_assert_cmpuint (matched, ==, 3);
  g_test_message ("2000 cards: folding every card %.2f ms; query, first run %.2f ms, "
                  "cached %.2f ms", fold_only * 1e3, cold * 1e3, warm * 1e3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/card-query/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("empty", test_empty);
  ADD ("text", test_text);
  g_test_add_func ("/card-query/fold", test_fold);
  ADD ("assignees-and-tags", test_assignees_and_tags);
  ADD ("blocked-and-overdue", test_blocked_and_overdue);
  ADD ("person", test_person);
  ADD ("combined", test_combined);
  g_test_add_func ("/card-query/changed-signal", test_changed_signal);
  ADD ("cache-follows-edits", test_cache_follows_edits);
  ADD ("collect", test_collect);
  if (g_test_perf ())
    g_test_add_func ("/card-query/perf", test_perf);

#undef ADD

  return g_test_run ();
}
