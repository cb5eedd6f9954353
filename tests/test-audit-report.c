/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaAuditReport, the printable 5S audit report: the sample's audits
 * render with a plausible number of pages and no item cut across two; A4
 * and Letter pages in the PDF, which is a whole PDF file; a draft is marked
 * on every page; a long note moves its item whole to the next page, and a
 * note longer than a page is the one thing that goes on over pages; an S
 * whose items are all N/A reads "—"; the comparison lists dropped items
 * first; the report keeps what it shows after the model is gone.
 *
 * OBEYA_REPORT_OUTPUT=DIR writes the sample's reports there as PDF and
 * every page as PNG, to look at them.
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>

#include "obeya-area.h"
#include "obeya-audit-item.h"
#include "obeya-audit-report.h"
#include "obeya-audit-template.h"
#include "obeya-board.h"
#include "obeya-sample-5s.h"
#include "obeya-workspace.h"
#include "test-util.h"

#define TODAY obeya_day_from_ymd (2026, 11, 2)

static const char *anchors[] = {
  "Nothing of the standard is visible.",
  "A few parts of the standard are visible in places.",
  "About half of the area follows the standard.",
  "Nearly all of it follows the standard; one or two exceptions.",
  "The whole area follows the standard, checked every day.",
  NULL
};

/* The sample workspace with its 5S part and the actions on a team board. */
static ObeyaWorkspace *
sample_workspace (void)
{
  ObeyaWorkspace *ws = obeya_workspace_new ();
  ObeyaBoard *board;

  obeya_time_set_fake_now ("2026-11-02T09:00:00+01:00");
  board = obeya_workspace_add_board (ws, "Team board", OBEYA_BOARD_TEAM,
                                     OBEYA_BOARD_TEMPLATE_BACK_OFFICE);
  obeya_sample_add_5s (ws, board, TODAY);
  obeya_time_set_fake_now (NULL);
  return ws;
}

/* The audit of the area named @area_name: the latest finished one, or its
 * draft. */
static ObeyaAudit *
find_audit (ObeyaAudits *audits,
            const char  *area_name,
            gboolean     draft)
{
  GListModel *list = obeya_audits_get_audits (audits);
  ObeyaAudit *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ObeyaAudit) audit = g_list_model_get_item (list, i);

      if (g_str_equal (obeya_area_get_name (obeya_audit_get_area (audit)), area_name) &&
          obeya_audit_is_finished (audit) == !draft &&
          (found == NULL || obeya_audit_get_date (audit) >= obeya_audit_get_date (found)))
        found = audit;
    }
  g_assert_nonnull (found);
  return found;
}

static cairo_surface_t *
render_page (ObeyaAuditReport *report,
             guint             page,
             double            scale)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  int width, height;

  width = (int) (obeya_audit_report_get_page_width (report) * scale);
  height = (int) (obeya_audit_report_get_page_height (report) * scale);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1., 1., 1.);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  obeya_audit_report_draw_page (report, cr, page);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Pixels that are not white in the rectangle (in points at scale 1). */
static guint
count_ink (cairo_surface_t *surface,
           int              x0,
           int              y0,
           int              width,
           int              height)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int x1 = MIN (x0 + width, cairo_image_surface_get_width (surface));
  int y1 = MIN (y0 + height, cairo_image_surface_get_height (surface));
  guint n = 0;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      n += (*(const guint32 *) (data + y * stride + 4 * x) & 0xffffff) != 0xffffff;
  return n;
}

static void
keep_output (ObeyaAuditReport *report,
             const char       *name)
{
  const char *dir = g_getenv ("OBEYA_REPORT_OUTPUT");
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf_name = NULL;
  g_autofree char *pdf = NULL;

  if (dir == NULL)
    return;
  g_mkdir_with_parents (dir, 0755);
  pdf_name = g_strconcat (name, ".pdf", NULL);
  pdf = g_build_filename (dir, pdf_name, NULL);
  g_assert_true (obeya_audit_report_write_pdf (report, pdf, &error));
  g_assert_no_error (error);
  for (guint p = 0; p < obeya_audit_report_get_n_pages (report); p++)
    {
      g_autofree char *png_name = g_strdup_printf ("%s-%u.png", name, p + 1);
      g_autofree char *png = g_build_filename (dir, png_name, NULL);
      cairo_surface_t *surface = render_page (report, p, 1.5);

      g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (surface);
    }
}

/* Every item of @audit is in the report, each on one page, in order. */
static void
assert_items_whole (ObeyaAuditReport *report,
                    ObeyaAudit       *audit)
{
  g_autoptr(GPtrArray) items = obeya_audit_dup_items (audit);
  guint previous = 0;

  g_assert_cmpuint (items->len, >, 0);
  for (guint i = 0; i < items->len; i++)
    {
      guint first = G_MAXUINT, last = G_MAXUINT;

      g_assert_true (obeya_audit_report_get_item_pages (report,
                                                        obeya_entity_get_id (items->pdata[i]),
                                                        &first, &last));
      g_assert_cmpuint (first, ==, last);
      g_assert_cmpuint (first, <, obeya_audit_report_get_n_pages (report));
      g_assert_cmpuint (first, >=, previous);
      previous = first;
    }
  g_assert_false (obeya_audit_report_get_item_pages (report, "no-such-item", NULL, NULL));
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *text)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  gsize length = strlen (text);

  for (gsize i = 0; i + length <= size; i++)
    if (memcmp (data + i, text, length) == 0)
      return TRUE;
  return FALSE;
}

static void
assert_pdf (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  g_assert_cmpuint (size, >, 1000);
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  /* The trailer: the file was finished, not cut short. */
  g_assert_true (memcmp (data + size - 6, "%%EOF\n", 6) == 0);
}

static char *
all_text (ObeyaAuditReport *report)
{
  GString *text = g_string_new (NULL);

  for (guint p = 0; p < obeya_audit_report_get_n_pages (report); p++)
    {
      g_autofree char *page = obeya_audit_report_dup_page_text (report, p);
      g_string_append (text, page);
    }
  return g_string_free (text, FALSE);
}

/* ---- the sample ------------------------------------------------------------- */

static void
test_sample (void)
{
  g_autoptr(ObeyaWorkspace) ws = sample_workspace ();
  ObeyaAudits *audits = obeya_workspace_get_audits (ws);
  GListModel *list = obeya_audits_get_audits (audits);
  static const char *areas[] = { "AP team desks", "Finance shared drive", "Meeting room 2" };

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 19);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ObeyaAudit) audit = g_list_model_get_item (list, i);
      g_autoptr(ObeyaAuditReport) report = obeya_audit_report_new (audits, audit, OBEYA_PAPER_A4);
      guint n_pages = obeya_audit_report_get_n_pages (report);
      g_autofree char *first = obeya_audit_report_dup_page_text (report, 0);
      g_autofree char *last = obeya_audit_report_dup_page_text (report, n_pages - 1);
      g_autofree char *page_of = g_strdup_printf ("Page %u of %u\n", n_pages, n_pages);
      g_autoptr(GPtrArray) items = obeya_audit_dup_items (audit);

      /* Some 20 to 30 items, a title page with the scores: a few pages. */
      g_assert_cmpuint (n_pages, >=, 2);
      g_assert_cmpuint (n_pages, <=, 2 + items->len / 6);
      assert_items_whole (report, audit);

      g_assert_nonnull (strstr (first, obeya_area_get_name (obeya_audit_get_area (audit))));
      g_assert_nonnull (strstr (first, "5S AUDIT REPORT\n"));
      g_assert_nonnull (strstr (first, "Page 1 of"));
      g_assert_nonnull (strstr (last, page_of));
      g_assert_nonnull (strstr (last, "Actions raised\n"));
    }

  /* The latest audit of each area, drawn: the title at the top of the first
   * page, the footer at the bottom of every page. */
  for (guint a = 0; a < G_N_ELEMENTS (areas); a++)
    {
      ObeyaAudit *audit = find_audit (audits, areas[a], FALSE);
      g_autoptr(ObeyaAuditReport) report = obeya_audit_report_new (audits, audit, OBEYA_PAPER_A4);
      g_autofree char *name = g_strdup_printf ("sample-%u", a + 1);

      keep_output (report, name);
      for (guint p = 0; p < obeya_audit_report_get_n_pages (report); p++)
        {
          cairo_surface_t *surface = render_page (report, p, 1.);

          g_assert_cmpuint (count_ink (surface, 50, 790, 495, 12), >, 50);
          if (p == 0)
            g_assert_cmpuint (count_ink (surface, 50, 66, 300, 40), >, 200);
          /* Nothing in the side margins. */
          g_assert_cmpuint (count_ink (surface, 0, 0, 40, 842), ==, 0);
          g_assert_cmpuint (count_ink (surface, 556, 0, 39, 842), ==, 0);
          cairo_surface_destroy (surface);
        }
    }

  /* The AP desks' latest audit raised an action: it is in the table. */
  {
    ObeyaAudit *audit = find_audit (audits, "AP team desks", FALSE);
    g_autoptr(ObeyaAuditReport) report = obeya_audit_report_new (audits, audit, OBEYA_PAPER_A4);
    guint n_pages = obeya_audit_report_get_n_pages (report);
    g_autofree char *last = obeya_audit_report_dup_page_text (report, n_pages - 1);
    g_autofree char *text = all_text (report);

    g_assert_nonnull (strstr (last, "Clear the last drawers of obsolete manuals\n"));
    g_assert_nonnull (strstr (last, "ACTION\nITEM\nCOLUMN\nDONE\nDUE\nOWNER\n"));
    /* Compared with the month before. */
    g_assert_nonnull (strstr (text, "Compared with "));
  }
}

/* ---- paper ---------------------------------------------------------------- */

static void
test_paper (void)
{
  g_autoptr(ObeyaWorkspace) ws = sample_workspace ();
  ObeyaAudits *audits = obeya_workspace_get_audits (ws);
  ObeyaAudit *audit = find_audit (audits, "Finance shared drive", FALSE);
  g_autoptr(ObeyaAuditReport) a4 = obeya_audit_report_new (audits, audit, OBEYA_PAPER_A4);
  g_autoptr(ObeyaAuditReport) letter = obeya_audit_report_new (audits, audit, OBEYA_PAPER_LETTER);
  g_autoptr(GBytes) a4_pdf = NULL;
  g_autoptr(GBytes) letter_pdf = NULL;
  g_autoptr(GError) error = NULL;
  ObeyaPaperSize paper;
  double width, height;
  guint n_pages;

  obeya_paper_size_get_points (OBEYA_PAPER_A4, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.276, 0.001);
  g_assert_cmpfloat_with_epsilon (height, 841.890, 0.001);
  obeya_paper_size_get_points (OBEYA_PAPER_LETTER, &width, &height);
  g_assert_cmpfloat (width, ==, 612.);
  g_assert_cmpfloat (height, ==, 792.);
  g_assert_true (obeya_paper_size_parse ("A4", &paper));
  g_assert_cmpint (paper, ==, OBEYA_PAPER_A4);
  g_assert_true (obeya_paper_size_parse ("letter", &paper));
  g_assert_cmpint (paper, ==, OBEYA_PAPER_LETTER);
  g_assert_false (obeya_paper_size_parse ("legal", &paper));
  g_assert_false (obeya_paper_size_parse (NULL, &paper));
  /* The tests run in C.UTF-8, whose paper is A4. */
  g_assert_cmpint (obeya_paper_size_get_default (), ==, OBEYA_PAPER_A4);

  g_assert_cmpfloat (obeya_audit_report_get_page_width (letter), ==, 612.);
  g_assert_cmpfloat (obeya_audit_report_get_page_height (letter), ==, 792.);

  a4_pdf = obeya_audit_report_render_pdf (a4, &error);
  g_assert_no_error (error);
  letter_pdf = obeya_audit_report_render_pdf (letter, &error);
  g_assert_no_error (error);
  assert_pdf (a4_pdf);
  assert_pdf (letter_pdf);
  g_assert_true (bytes_contain (a4_pdf, "/MediaBox [ 0 0 595.275591 841.889764 ]"));
  g_assert_false (bytes_contain (a4_pdf, "/MediaBox [ 0 0 612 792 ]"));
  g_assert_true (bytes_contain (letter_pdf, "/MediaBox [ 0 0 612 792 ]"));
  g_assert_false (bytes_contain (letter_pdf, "/MediaBox [ 0 0 595.275591 841.889764 ]"));
  /* One page object per page; an outline of the sections. */
  {
    g_autofree char *count = g_strdup_printf ("/Count %u", obeya_audit_report_get_n_pages (a4));

    g_assert_true (bytes_contain (a4_pdf, count));
    g_assert_true (bytes_contain (a4_pdf, "/Outlines"));
  }
  assert_items_whole (letter, audit);

  /* A print dialog's page setup: A5 makes more pages, every item whole. */
  n_pages = obeya_audit_report_get_n_pages (a4);
  obeya_audit_report_layout (a4, 419.53, 595.28);
  g_assert_cmpuint (obeya_audit_report_get_n_pages (a4), >, n_pages);
  g_assert_cmpfloat (obeya_audit_report_get_page_width (a4), ==, 419.53);
  assert_items_whole (a4, audit);
  keep_output (a4, "a5");
  keep_output (letter, "letter");
  /* …and back. */
  obeya_paper_size_get_points (OBEYA_PAPER_A4, &width, &height);
  obeya_audit_report_layout (a4, width, height);
  g_assert_cmpuint (obeya_audit_report_get_n_pages (a4), ==, n_pages);
}

/* ---- draft ------------------------------------------------------------------ */

static void
test_draft (void)
{
  g_autoptr(ObeyaWorkspace) ws = sample_workspace ();
  ObeyaAudits *audits = obeya_workspace_get_audits (ws);
  ObeyaAudit *draft = find_audit (audits, "Meeting room 2", TRUE);
  ObeyaAudit *finished = find_audit (audits, "Meeting room 2", FALSE);
  g_autoptr(ObeyaAuditReport) report = obeya_audit_report_new (audits, draft, OBEYA_PAPER_A4);
  g_autoptr(ObeyaAuditReport) finished_report = obeya_audit_report_new (audits, finished,
                                                                        OBEYA_PAPER_A4);
  guint n_unscored = obeya_audit_count_unscored (draft);
  g_autofree char *banner = g_strdup_printf ("DRAFT   This audit is not finished: %u items are "
                                             "not scored yet", n_unscored);

  g_assert_cmpuint (n_unscored, >, 1);
  keep_output (report, "draft");
  assert_items_whole (report, draft);
  for (guint p = 0; p < obeya_audit_report_get_n_pages (report); p++)
    {
      g_autofree char *text = obeya_audit_report_dup_page_text (report, p);

      /* The watermark on every page. */
      g_assert_true (g_str_has_prefix (text, "DRAFT\n"));
      if (p == 0)
        {
          g_assert_nonnull (strstr (text, banner));
          g_assert_nonnull (strstr (text, "STATE\nDraft\n"));
        }
      else
        g_assert_nonnull (strstr (text, "DRAFT"));
    }
  /* Its unscored items say so. */
  {
    g_autofree char *all = NULL;
    GString *text = g_string_new (NULL);

    for (guint p = 0; p < obeya_audit_report_get_n_pages (report); p++)
      {
        g_autofree char *page = obeya_audit_report_dup_page_text (report, p);
        g_string_append (text, page);
      }
    all = g_string_free (text, FALSE);
    g_assert_nonnull (strstr (all, "Not scored yet.\n"));
  }

  /* The watermark is drawn: pale red in the middle of the page. */
  {
    cairo_surface_t *surface = render_page (report, 1, 1.);
    cairo_surface_t *plain = render_page (finished_report, 1, 1.);
    const guint8 *data = cairo_image_surface_get_data (surface);
    int stride = cairo_image_surface_get_stride (surface);
    guint pinkish = 0;

    for (int y = 300; y < 540; y++)
      for (int x = 100; x < 500; x++)
        {
          guint32 pixel = *(const guint32 *) (data + y * stride + 4 * x);
          guint r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff;

          pinkish += r > 240 && g < r - 8;
        }
    g_assert_cmpuint (pinkish, >, 2000);
    cairo_surface_destroy (surface);
    cairo_surface_destroy (plain);
  }

  /* A finished audit is not marked anywhere. */
  for (guint p = 0; p < obeya_audit_report_get_n_pages (finished_report); p++)
    {
      g_autofree char *text = obeya_audit_report_dup_page_text (finished_report, p);

      g_assert_null (strstr (text, "DRAFT"));
      g_assert_null (strstr (text, "Not scored"));
    }
}

/* ---- a workspace of our own ---------------------------------------------------- */

typedef struct
{
  ObeyaWorkspace     *ws;
  ObeyaAudits        *audits;
  ObeyaAuditTemplate *template_;
  ObeyaArea          *area;
  GPtrArray          *items;   /* the template's items */
  ObeyaPerson        *auditor;
} Fixture;

/* A template of @per_s items in each S ("Sort question 1" …), the Sort ones
 * allowing N/A, and one area. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  guint per_s = GPOINTER_TO_UINT (data) ? GPOINTER_TO_UINT (data) : 3;

  f->ws = obeya_workspace_new ();
  f->audits = obeya_workspace_get_audits (f->ws);
  f->auditor = obeya_workspace_add_person (f->ws, "Ana López");
  f->template_ = obeya_audit_template_new ("Test template");
  obeya_audits_add_template (f->audits, f->template_);
  g_object_unref (f->template_);
  for (guint s = 0; s < OBEYA_FIVE_S_N; s++)
    for (guint i = 0; i < per_s; i++)
      {
        g_autofree char *question = g_strdup_printf ("%s question %u",
                                                     obeya_five_s_get_label (s), i + 1);
        ObeyaAuditItem *item = obeya_audit_template_add_item (f->template_, s, question,
                                                              anchors, -1);

        if (s == OBEYA_FIVE_S_SORT)
          obeya_audit_template_edit_item (f->template_, item, "allows-na", TRUE, NULL);
      }
  f->items = obeya_audit_template_dup_active_items (f->template_);
  f->area = obeya_audits_add_area (f->audits, "Test area", f->template_,
                                   OBEYA_AUDIT_CADENCE_MONTHLY);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_ptr_array_unref (f->items);
  g_assert_finalize_object (f->ws);
}

static const char *
item_id (Fixture *f,
         guint    i)
{
  return obeya_entity_get_id (f->items->pdata[i]);
}

/* An audit on @day with every item scored @score (N/A below 0). */
static ObeyaAudit *
scored_audit (Fixture  *f,
              ObeyaDay  day,
              int       score)
{
  ObeyaAudit *audit = obeya_audits_start_audit (f->audits, f->area, day,
                                                obeya_entity_get_id (OBEYA_ENTITY (f->auditor)));

  for (guint i = 0; i < f->items->len; i++)
    g_assert_true (obeya_audit_set_score (audit, item_id (f, i), score));
  return audit;
}

static void
test_all_na (Fixture       *f,
             gconstpointer  data)
{
  ObeyaAudit *audit = scored_audit (f, TODAY, 3);
  g_autoptr(ObeyaAuditReport) report = NULL;
  g_autofree char *first = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < f->items->len; i++)
    if (obeya_audit_item_get_s (f->items->pdata[i]) == OBEYA_FIVE_S_SORT)
      g_assert_true (obeya_audit_set_score (audit, item_id (f, i), OBEYA_SCORE_NA));
  g_assert_true (obeya_audit_finish (audit, NULL));

  report = obeya_audit_report_new (f->audits, audit, OBEYA_PAPER_A4);
  keep_output (report, "all-na");
  first = obeya_audit_report_dup_page_text (report, 0);
  text = all_text (report);
  /* The table: Sort has no score, never 0 %; the others 75 %. */
  g_assert_nonnull (strstr (first, "1  Sort\n—\n0 scored, 3 N/A\n"));
  g_assert_nonnull (strstr (first, "2  Set in order\n75 %\n3 scored\n"));
  g_assert_nonnull (strstr (first, "OVERALL\n75 %\n"));
  g_assert_null (strstr (first, "0 %\n"));
  /* The band of the S, and its items. */
  g_assert_nonnull (strstr (text, "1  Sort\nKeep only what is needed; remove the rest\n—\n"));
  g_assert_nonnull (strstr (text, "Not applicable in this area.\n"));
  g_assert_nonnull (strstr (text, "The first audit of this area\n"));
  assert_items_whole (report, audit);
}

/* Items that dropped come first, the largest drop first, then the improved. */
static void
test_comparison (Fixture       *f,
                 gconstpointer  data)
{
  ObeyaAudit *previous = scored_audit (f, TODAY - 30, 2);
  ObeyaAudit *audit;
  g_autoptr(ObeyaAuditReport) report = NULL;
  g_autofree char *text = NULL;
  const char *small_drop, *big_drop, *improved, *same;

  g_assert_true (obeya_audit_finish (previous, NULL));
  audit = scored_audit (f, TODAY, 2);
  /* Shine question 1: 2 → 1; Standardize question 2: 2 → 0; Sustain question 3: 2 → 4. */
  g_assert_true (obeya_audit_set_score (audit, item_id (f, 6), 1));
  g_assert_true (obeya_audit_set_score (audit, item_id (f, 10), 0));
  g_assert_true (obeya_audit_set_score (audit, item_id (f, 14), 4));
  g_assert_true (obeya_audit_set_note (audit, item_id (f, 10), "The checklist is gone."));
  g_assert_true (obeya_audit_set_photos (audit, item_id (f, 10),
                                         (const char *[]) { "photos/2026-11/board.jpg",
                                                            "photos/shelf 2.png", NULL }));
  g_assert_true (obeya_audit_finish (audit, NULL));

  report = obeya_audit_report_new (f->audits, audit, OBEYA_PAPER_A4);
  keep_output (report, "comparison");
  text = all_text (report);
  g_assert_nonnull (strstr (text, "Compared with 3 October 2026\n"));
  big_drop = strstr (text, "▼\n4.2\nStandardize question 2\n2 → 0\n");
  small_drop = strstr (text, "▼\n3.1\nShine question 1\n2 → 1\n");
  improved = strstr (text, "▲\n5.3\nSustain question 3\n2 → 4\n");
  same = strstr (text, "12 items scored the same.\n");
  g_assert_nonnull (big_drop);
  g_assert_nonnull (small_drop);
  g_assert_nonnull (improved);
  g_assert_nonnull (same);
  g_assert_true (strstr (text, "DROPPED (2)\n") < big_drop);
  g_assert_true (big_drop < small_drop);
  g_assert_true (small_drop < improved);
  g_assert_true (strstr (text, "IMPROVED (1)\n") < improved);
  /* The score table says how each S moved, in points. */
  g_assert_nonnull (strstr (text, "3  Shine\n42 %\n50 %\n▼ 8\n"));
  g_assert_nonnull (strstr (text, "5  Sustain\n67 %\n50 %\n▲ 17\n"));
  g_assert_nonnull (strstr (text, "1  Sort\n50 %\n50 %\n= 0\n"));
  /* The item itself: its score's anchor and the note. */
  g_assert_nonnull (strstr (text, "Standardize question 2\nAnchor for 0: Nothing of the standard "
                                  "is visible.\nNote: The checklist is gone.\n"
                                  "Photos: board.jpg, shelf 2.png\n"));
}

/* A long note: the item moves to the next page whole. The note grows a
 * sentence at a time until item 1.3 no longer fits under item 1.2. */
static void
test_long_note (Fixture       *f,
                gconstpointer  data)
{
  ObeyaAudit *audit = scored_audit (f, TODAY, 3);
  g_autoptr(GString) note = g_string_new ("Start of the long note.");
  guint first2 = 0, last2, first3 = 0, last3, holder = 0, n_holders = 0;
  g_autoptr(ObeyaAuditReport) report = NULL;
  gboolean moved = FALSE;

  for (guint n = 0; n < 80 && !moved; n++)
    {
      g_autofree char *text = g_strconcat (note->str, " End of the long note.", NULL);

      g_assert_true (obeya_audit_set_note (audit, item_id (f, 2), text));
      g_clear_object (&report);
      report = obeya_audit_report_new (f->audits, audit, OBEYA_PAPER_A4);
      g_assert_true (obeya_audit_report_get_item_pages (report, item_id (f, 1), &first2, &last2));
      g_assert_true (obeya_audit_report_get_item_pages (report, item_id (f, 2), &first3, &last3));
      g_assert_cmpuint (first2, ==, last2);
      g_assert_cmpuint (first3, ==, last3);
      assert_items_whole (report, audit);
      moved = first3 != first2;
      g_string_append (note, " The drawers hold old manuals, binders from 2019 and a box of "
                             "supplier statements nobody has asked for.");
    }
  g_assert_true (moved);
  g_assert_cmpuint (first3, ==, first2 + 1);
  keep_output (report, "long-note");

  /* The whole note is on that one page, under "Sort (continued)". */
  for (guint p = 0; p < obeya_audit_report_get_n_pages (report); p++)
    {
      g_autofree char *text = obeya_audit_report_dup_page_text (report, p);

      if (strstr (text, "Start of the long note.") != NULL)
        {
          g_assert_nonnull (strstr (text, "End of the long note."));
          g_assert_nonnull (strstr (text, "1  Sort (continued)\n"));
          holder = p;
          n_holders++;
        }
    }
  g_assert_cmpuint (n_holders, ==, 1);
  g_assert_cmpuint (holder, ==, first3);
}

/* A note longer than a page is the one thing that goes on over pages: it
 * starts on a page of its own, and the next item follows it. */
static void
test_note_longer_than_a_page (Fixture       *f,
                              gconstpointer  data)
{
  ObeyaAudit *audit = scored_audit (f, TODAY, 3);
  g_autoptr(ObeyaAuditReport) report = NULL;
  g_autoptr(GString) note = g_string_new (NULL);
  guint first1, first2, last2, first3;

  for (guint i = 0; i < 400; i++)
    g_string_append_printf (note, "Line %u of a note that will not fit on a page. ", i + 1);
  g_assert_true (obeya_audit_set_note (audit, item_id (f, 1), note->str));
  report = obeya_audit_report_new (f->audits, audit, OBEYA_PAPER_LETTER);
  keep_output (report, "huge-note");

  g_assert_true (obeya_audit_report_get_item_pages (report, item_id (f, 0), &first1, NULL));
  g_assert_true (obeya_audit_report_get_item_pages (report, item_id (f, 1), &first2, &last2));
  g_assert_true (obeya_audit_report_get_item_pages (report, item_id (f, 2), &first3, NULL));
  g_assert_cmpuint (first2, ==, first1 + 1);
  g_assert_cmpuint (last2, >, first2);
  g_assert_cmpuint (first3, ==, last2);
  for (guint p = 0; p < obeya_audit_report_get_n_pages (report); p++)
    {
      cairo_surface_t *surface = render_page (report, p, 1.);

      cairo_surface_destroy (surface);
    }
}

/* The report copies what it shows: it outlives the workspace. */
static void
test_outlives_model (void)
{
  g_autoptr(ObeyaWorkspace) ws = sample_workspace ();
  ObeyaAudits *audits = obeya_workspace_get_audits (ws);
  g_autoptr(ObeyaAuditReport) report = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  report = obeya_audit_report_new (audits, find_audit (audits, "AP team desks", FALSE),
                                   OBEYA_PAPER_A4);
  g_assert_finalize_object (g_steal_pointer (&ws));

  pdf = obeya_audit_report_render_pdf (report, &error);
  g_assert_no_error (error);
  assert_pdf (pdf);

  dir = g_dir_make_tmp ("obeya-report-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "report.pdf", NULL);
  g_assert_true (obeya_audit_report_write_pdf (report, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (length, ==, g_bytes_get_size (pdf));

  missing = g_build_filename (dir, "no-such-folder", "report.pdf", NULL);
  g_assert_false (obeya_audit_report_write_pdf (report, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/audit-report/sample", test_sample);
  g_test_add_func ("/audit-report/paper", test_paper);
  g_test_add_func ("/audit-report/draft", test_draft);
  g_test_add ("/audit-report/all-na", Fixture, NULL, fixture_setup, test_all_na,
              fixture_teardown);
  g_test_add ("/audit-report/comparison", Fixture, NULL, fixture_setup, test_comparison,
              fixture_teardown);
  g_test_add ("/audit-report/long-note", Fixture, NULL, fixture_setup, test_long_note,
              fixture_teardown);
  g_test_add ("/audit-report/note-longer-than-a-page", Fixture, NULL, fixture_setup,
              test_note_longer_than_a_page, fixture_teardown);
  g_test_add_func ("/audit-report/outlives-model", test_outlives_model);
  return g_test_run ();
}
