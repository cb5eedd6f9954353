/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-views"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>
#if defined(__GLIBC__)
#include <langinfo.h>
#endif

#include "obeya-area.h"
#include "obeya-audit-item.h"
#include "obeya-audit-report.h"
#include "obeya-audit-score.h"
#include "obeya-audit-template.h"
#include "obeya-card.h"
#include "obeya-charts.h"
#include "obeya-file.h"
#include "obeya-folder-scan.h"
#include "obeya-person.h"
#include "obeya-workspace.h"

/* ---- paper ------------------------------------------------------------------ */

void
obeya_paper_size_get_points (ObeyaPaperSize  paper,
                             double         *width,
                             double         *height)
{
  double w, h;

  switch (paper)
    {
    case OBEYA_PAPER_LETTER:
      w = 612.;
      h = 792.;
      break;
    case OBEYA_PAPER_A4:
    default:
      w = 210. / 25.4 * 72.;
      h = 297. / 25.4 * 72.;
      break;
    }
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

gboolean
obeya_paper_size_parse (const char     *text,
                        ObeyaPaperSize *paper)
{
  g_return_val_if_fail (paper != NULL, FALSE);

  if (text != NULL && g_ascii_strcasecmp (text, "a4") == 0)
    *paper = OBEYA_PAPER_A4;
  else if (text != NULL && g_ascii_strcasecmp (text, "letter") == 0)
    *paper = OBEYA_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

ObeyaPaperSize
obeya_paper_size_get_default (void)
{
#if defined(__GLIBC__)
  /* glibc answers these two with a number in the pointer (millimetres). */
  union { char *string; guint word; } width, height;

  width.string = nl_langinfo (_NL_PAPER_WIDTH);
  height.string = nl_langinfo (_NL_PAPER_HEIGHT);
  if (width.word == 216 && height.word == 279)
    return OBEYA_PAPER_LETTER;
#endif
  return OBEYA_PAPER_A4;
}

/* ---- look ------------------------------------------------------------------- */

#define FONT_FAMILY "Cantarell, DejaVu Sans, Sans"

/* Page geometry, in points. */
#define MARGIN_SIDE      50.
#define MARGIN_TOP       40.
#define MARGIN_BOTTOM    40.
#define HEADER_BAND      26.   /* the running header and the gap under it */
#define FOOTER_BAND      26.

#define SECTION_GAP      20.
/* A page too narrow for things side by side (A5, a narrow page setup). */
#define NARROW(self)     ((self)->width < 420.)
#define NUMBER_WIDTH     30.   /* item numbers, "2.10" */
#define BADGE_WIDTH      62.
#define BADGE_HEIGHT     30.

/* Adwaita's palette, for ink on white paper. */
static const ObeyaChartColor ink      = { 0.141, 0.122, 0.192, 1. }; /* dark 5 #241f31 */
static const ObeyaChartColor dim      = { 0.369, 0.361, 0.392, 1. }; /* dark 2 #5e5c64 */
static const ObeyaChartColor rule     = { 0.871, 0.867, 0.855, 1. }; /* light 3 #deddda */
static const ObeyaChartColor band     = { 0.965, 0.961, 0.957, 1. }; /* light 1 #f6f5f4 */
static const ObeyaChartColor accent   = { 0.102, 0.373, 0.706, 1. }; /* blue 5 #1a5fb4 */
static const ObeyaChartColor red      = { 0.753, 0.110, 0.157, 1. }; /* red 4 #c01c28 */
static const ObeyaChartColor red_pale = { 0.992, 0.925, 0.925, 1. };
static const ObeyaChartColor green    = { 0.110, 0.490, 0.310, 1. }; /* darker than green 5 */
static const ObeyaChartColor white    = { 1., 1., 1., 1. };
static const ObeyaChartColor none     = { 0., 0., 0., 0. };

typedef enum
{
  STYLE_KICKER,     /* "5S AUDIT REPORT" over the title */
  STYLE_TITLE,
  STYLE_SUBTITLE,
  STYLE_HEADING,    /* sections */
  STYLE_SUBHEADING, /* the five S, groups of the comparison */
  STYLE_BODY,
  STYLE_BODY_BOLD,
  STYLE_SECONDARY,  /* anchors, photos, evidence */
  STYLE_LABEL,      /* small bold captions, on one line */
  STYLE_BIG,        /* the overall score */
  STYLE_MARGIN,     /* running header and footer */
  STYLE_WATERMARK,
  N_STYLES
} Style;

static const struct
{
  double      size;
  PangoWeight weight;
  PangoStyle  slant;
  double      letter_spacing; /* points */
} styles[N_STYLES] = {
  [STYLE_KICKER]     = { 9.,   PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL, 1.2 },
  [STYLE_TITLE]      = { 22.,  PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL, 0. },
  [STYLE_SUBTITLE]   = { 11.,  PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0. },
  [STYLE_HEADING]    = { 14.,  PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL, 0. },
  [STYLE_SUBHEADING] = { 11.5, PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL, 0. },
  [STYLE_BODY]       = { 10.,  PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0. },
  [STYLE_BODY_BOLD]  = { 10.,  PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL, 0. },
  [STYLE_SECONDARY]  = { 9.5,  PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0. },
  [STYLE_LABEL]      = { 8.,   PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL, 0.8 },
  [STYLE_BIG]        = { 34.,  PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL, 0. },
  [STYLE_MARGIN]     = { 8.5,  PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0. },
  [STYLE_WATERMARK]  = { 120., PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL, 8. },
};

/* ---- what the report shows (copied from the model) ------------------------- */

typedef struct
{
  const char *id;       /* interned */
  char       *number;   /* "2.3" */
  char       *question;
  int         score;    /* 0–4, OBEYA_SCORE_NA or OBEYA_SCORE_UNSCORED */
  char       *anchor;   /* of the score given, or NULL */
  char       *note;
  char       *photos;   /* file names, comma-separated, or NULL */
  char       *evidence; /* folder-scan evidence, or NULL */
  gboolean    retired;
} ItemInfo;

typedef struct
{
  ObeyaChange  change;
  char        *number;   /* NULL for a removed item */
  char        *question;
  int          before;
  int          after;
} ChangeInfo;

typedef struct
{
  char     *title;
  char     *item;     /* the item's number, or NULL */
  char     *column;   /* NULL when the card is gone */
  char     *owners;   /* NULL for none */
  ObeyaDay  due;
  gboolean  done;
  gboolean  archived;
  gboolean  missing;
} ActionInfo;

typedef struct
{
  char            *area;
  char            *template_name;
  guint            template_version;
  char            *auditor;
  ObeyaDay         date;
  gboolean         draft;
  char            *finished;  /* when it was finished, formatted; NULL for a draft */
  guint            n_unscored;
  char            *summary;

  ObeyaAuditScore  score;
  gboolean         has_previous;
  ObeyaDay         previous_date;
  ObeyaAuditScore  previous_score;
  ObeyaScoreComparison overall;
  ObeyaScoreComparison s[OBEYA_FIVE_S_N];

  GPtrArray       *items[OBEYA_FIVE_S_N]; /* of ItemInfo */
  GPtrArray       *changes;               /* of ChangeInfo, dropped first */
  guint            n_same;
  guint            n_not_comparable;

  char            *scan_heading;          /* NULL: no folder scan */
  GPtrArray       *scan_lines;            /* of char* */

  GPtrArray       *actions;               /* of ActionInfo */
} Content;

static void
item_info_free (gpointer data)
{
  ItemInfo *info = data;

  g_free (info->number);
  g_free (info->question);
  g_free (info->anchor);
  g_free (info->note);
  g_free (info->photos);
  g_free (info->evidence);
  g_free (info);
}

static void
change_info_free (gpointer data)
{
  ChangeInfo *info = data;

  g_free (info->number);
  g_free (info->question);
  g_free (info);
}

static void
action_info_free (gpointer data)
{
  ActionInfo *info = data;

  g_free (info->title);
  g_free (info->item);
  g_free (info->column);
  g_free (info->owners);
  g_free (info);
}

static void
content_free (Content *content)
{
  if (content == NULL)
    return;
  g_free (content->area);
  g_free (content->template_name);
  g_free (content->auditor);
  g_free (content->finished);
  g_free (content->summary);
  for (guint s = 0; s < OBEYA_FIVE_S_N; s++)
    g_clear_pointer (&content->items[s], g_ptr_array_unref);
  g_clear_pointer (&content->changes, g_ptr_array_unref);
  g_free (content->scan_heading);
  g_clear_pointer (&content->scan_lines, g_ptr_array_unref);
  g_clear_pointer (&content->actions, g_ptr_array_unref);
  g_free (content);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Content, content_free)

/* ---- the layout: blocks of drawing elements placed on pages ---------------- */

typedef enum
{
  ELEMENT_TEXT,
  ELEMENT_RECT,
  ELEMENT_LINE,
  ELEMENT_CHART,
} ElementKind;

typedef struct
{
  ElementKind      kind;
  double           x, y, width, height; /* a line goes from (x, y) to (x + width, y + height) */
  ObeyaChartColor  color;               /* ink, fill or line */
  ObeyaChartColor  stroke;              /* a rectangle's outline (alpha 0: none) */
  double           line_width;
  double           radius;
  gboolean         dashed;
  PangoLayout     *layout;
} Element;

typedef struct _Block Block;

struct _Block
{
  GArray     *elements;       /* of Element */
  double      height;
  double      space_before;   /* dropped at the top of a page */
  gboolean    keep_with_next;
  Block      *repeat;         /* drawn first when this block opens a page */
  const char *item_id;        /* interned; NULL when not an item */
  char       *outline;        /* its entry in the PDF outline, or NULL */
  gboolean    outline_child;  /* under the previous top-level entry */
};

typedef struct
{
  Block  *block;
  double  y;     /* where the part shown starts on the page */
  double  from;  /* the part of the block shown (normally all of it) */
  double  to;
} Placement;

struct _ObeyaAuditReport
{
  GObject           parent_instance;

  Content          *content;
  ObeyaRadarChart  *radar;
  PangoContext     *pango;

  double            page_width;
  double            page_height;
  double            width;    /* of the content */
  double            top;      /* of the content, on every page */
  double            bottom;

  GPtrArray        *blocks;   /* of Block, in order */
  GPtrArray        *repeats;  /* of Block: the "(continued)" headings */
  GPtrArray        *pages;    /* of GArray of Placement */
  GHashTable       *item_pages; /* item id → first page + 1 | (last page + 1) << 16 */
  gboolean          summary_below; /* the summary did not fit beside the radar */
};

G_DEFINE_FINAL_TYPE (ObeyaAuditReport, obeya_audit_report, G_TYPE_OBJECT)

static void
element_clear (gpointer data)
{
  Element *element = data;

  g_clear_object (&element->layout);
}

static Block *
block_new (double space_before)
{
  Block *block = g_new0 (Block, 1);

  block->elements = g_array_new (FALSE, TRUE, sizeof (Element));
  g_array_set_clear_func (block->elements, element_clear);
  block->space_before = space_before;
  return block;
}

static void
block_free (gpointer data)
{
  Block *block = data;

  g_array_unref (block->elements);
  g_free (block->outline);
  g_free (block);
}

static PangoLayout *
make_layout (ObeyaAuditReport      *self,
             const char            *text,
             gboolean               markup,
             Style                  style,
             double                 width,
             PangoAlignment         alignment)
{
  PangoLayout *layout = pango_layout_new (self->pango);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_font_description_set_size (font, (int) round (styles[style].size * PANGO_SCALE));
  pango_font_description_set_weight (font, styles[style].weight);
  pango_font_description_set_style (font, styles[style].slant);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  if (styles[style].letter_spacing > 0.)
    pango_attr_list_insert (attrs, pango_attr_letter_spacing_new (
      (int) round (styles[style].letter_spacing * PANGO_SCALE)));
  /* Tabular figures keep columns of numbers aligned. */
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  if (width > 0.)
    {
      pango_layout_set_width (layout, (int) floor (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      /* Captions stay on one line. */
      if (style == STYLE_LABEL)
        pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_alignment (layout, alignment);
  /* Some air between the lines of running text (and room for descenders
   * where a block taller than a page is cut between two lines). */
  if (style == STYLE_BODY || style == STYLE_BODY_BOLD || style == STYLE_SECONDARY)
    pango_layout_set_line_spacing (layout, 1.12);
  if (markup)
    pango_layout_set_markup (layout, text, -1);
  else
    pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) (logical.y + logical.height) / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

/* Adds text at (@x, @y) of @block, wrapped to @width (0: one line as long
 * as it is); returns its height. */
static double
add_text_full (ObeyaAuditReport      *self,
               Block                 *block,
               const char            *text,
               gboolean               markup,
               Style                  style,
               const ObeyaChartColor *color,
               double                 x,
               double                 y,
               double                 width,
               PangoAlignment         alignment)
{
  Element element = { ELEMENT_TEXT, x, y, width, 0., *color, none, 0., 0., FALSE, NULL };

  element.layout = make_layout (self, text, markup, style, width, alignment);
  element.height = layout_height (element.layout);
  if (width <= 0.)
    element.width = layout_width (element.layout);
  g_array_append_val (block->elements, element);
  block->height = MAX (block->height, y + element.height);
  return element.height;
}

static double
add_text (ObeyaAuditReport      *self,
          Block                 *block,
          const char            *text,
          Style                  style,
          const ObeyaChartColor *color,
          double                 x,
          double                 y,
          double                 width)
{
  return add_text_full (self, block, text, FALSE, style, color, x, y, width, PANGO_ALIGN_LEFT);
}

static double
add_markup (ObeyaAuditReport      *self,
            Block                 *block,
            const char            *markup,
            Style                  style,
            const ObeyaChartColor *color,
            double                 x,
            double                 y,
            double                 width)
{
  return add_text_full (self, block, markup, TRUE, style, color, x, y, width, PANGO_ALIGN_LEFT);
}

static void
add_rect (Block                 *block,
          double                 x,
          double                 y,
          double                 width,
          double                 height,
          const ObeyaChartColor *fill,
          const ObeyaChartColor *stroke,
          double                 radius,
          gboolean               dashed)
{
  Element element = { ELEMENT_RECT, x, y, width, height, *fill, stroke ? *stroke : none, 0.75,
                      radius, dashed, NULL };

  g_array_append_val (block->elements, element);
  block->height = MAX (block->height, y + height);
}

static void
add_line (Block                 *block,
          double                 x,
          double                 y,
          double                 width,
          const ObeyaChartColor *color,
          double                 line_width)
{
  Element element = { ELEMENT_LINE, x, y, width, 0., *color, none, line_width, 0., FALSE, NULL };

  g_array_append_val (block->elements, element);
  block->height = MAX (block->height, y + line_width / 2.);
}

/* ---- formatting ------------------------------------------------------------- */

static char *
format_day (ObeyaDay day,
            gboolean abbreviated)
{
  g_autoptr(GDateTime) dt = NULL;
  int year, month, mday;

  if (day == OBEYA_DAY_NONE)
    return g_strdup ("—");
  obeya_day_to_ymd (day, &year, &month, &mday);
  dt = g_date_time_new_utc (year, month, mday, 0, 0, 0);
  if (abbreviated)
    /* Translators: a short date, as in "6 Nov 2026"; see g_date_time_format(). */
    return g_date_time_format (dt, _("%-d %b %Y"));
  /* Translators: a date in full in the 5S audit report, as in "6 November 2026"; see
   * g_date_time_format(). */
  return g_date_time_format (dt, _("%-d %B %Y"));
}

static char *
format_timestamp (ObeyaTimestamp ts)
{
  g_autoptr(GDateTime) dt = obeya_timestamp_to_date_time (ts);

  /* Translators: a date and time, as in "6 Nov 2026, 14:05"; see g_date_time_format(). */
  return g_date_time_format (dt, _("%-d %b %Y, %H:%M"));
}

static char *
format_item_score (int score)
{
  if (score == OBEYA_SCORE_NA)
    /* Translators: "not applicable", an item's score in a 5S audit */
    return g_strdup (_("N/A"));
  if (score == OBEYA_SCORE_UNSCORED)
    return g_strdup ("—");
  return g_strdup_printf ("%d", score);
}

static char *
person_name (ObeyaWorkspace *workspace,
             const char     *person_id)
{
  ObeyaPerson *person;

  if (person_id == NULL)
    return NULL;
  person = workspace ? obeya_workspace_find_person (workspace, person_id) : NULL;
  /* Someone who left the workspace: the id is all there is. */
  return g_strdup (person ? obeya_person_get_name (person) : person_id);
}

/* A change in percentage points, with its arrow: "▲ 6", "▼ 12", "= 0". */
static char *
format_delta (const ObeyaScoreComparison *comparison)
{
  long points = lround (comparison->delta);

  switch (comparison->change)
    {
    case OBEYA_CHANGE_UP:
      return g_strdup_printf ("▲ %ld", MAX (points, 1));
    case OBEYA_CHANGE_DOWN:
      return g_strdup_printf ("▼ %ld", MAX (-points, 1));
    case OBEYA_CHANGE_SAME:
      return g_strdup ("= 0");
    case OBEYA_CHANGE_NOT_COMPARABLE:
    case OBEYA_CHANGE_NEW:
    case OBEYA_CHANGE_REMOVED:
    default:
      return g_strdup ("—");
    }
}

static const ObeyaChartColor *
change_color (ObeyaChange change)
{
  switch (change)
    {
    case OBEYA_CHANGE_UP:
      return &green;
    case OBEYA_CHANGE_DOWN:
      return &red;
    case OBEYA_CHANGE_SAME:
    case OBEYA_CHANGE_NOT_COMPARABLE:
    case OBEYA_CHANGE_NEW:
    case OBEYA_CHANGE_REMOVED:
    default:
      return &dim;
    }
}

/* "8 scored, 1 N/A". */
static char *
format_counts (const ObeyaScore *score)
{
  g_autofree char *scored = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u scored",
                                                          "%u scored", score->n_scored),
                                             score->n_scored);

  if (score->n_na == 0)
    return g_steal_pointer (&scored);
  /* Translators: "8 scored, 1 N/A": items of one S scored and not applicable */
  return g_strdup_printf (_("%s, %u N/A"), scored, score->n_na);
}

/* ---- reading the model ------------------------------------------------------- */

static char *
photo_names (const ObeyaAuditEntry *entry)
{
  g_autoptr(GString) names = NULL;

  if (entry == NULL || entry->photos == NULL || entry->photos[0] == NULL)
    return NULL;
  names = g_string_new (NULL);
  for (guint i = 0; entry->photos[i] != NULL; i++)
    {
      g_autofree char *name = g_path_get_basename (entry->photos[i]);

      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, name);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
read_items (Content    *content,
            ObeyaAudit *audit,
            GHashTable *numbers)
{
  g_autoptr(GPtrArray) items = obeya_audit_dup_items (audit);

  for (guint s = 0; s < OBEYA_FIVE_S_N; s++)
    content->items[s] = g_ptr_array_new_with_free_func (item_info_free);

  for (guint i = 0; i < items->len; i++)
    {
      ObeyaAuditItem *item = items->pdata[i];
      ObeyaFiveS s = obeya_audit_item_get_s (item);
      const char *id = obeya_entity_get_id (OBEYA_ENTITY (item));
      const ObeyaAuditEntry *entry = obeya_audit_get_entry (audit, id);
      ItemInfo *info = g_new0 (ItemInfo, 1);

      info->id = g_intern_string (id);
      info->number = g_strdup_printf ("%u.%u", s + 1, content->items[s]->len + 1);
      info->question = g_strdup (obeya_audit_item_get_question (item));
      info->score = obeya_audit_get_score (audit, id);
      if (info->score >= 0 && info->score <= OBEYA_SCORE_MAX)
        {
          const char *anchor = obeya_audit_item_get_anchor (item, info->score);

          info->anchor = anchor && *anchor ? g_strdup (anchor) : NULL;
        }
      info->note = entry && entry->note && *entry->note ? g_strdup (entry->note) : NULL;
      info->photos = photo_names (entry);
      info->evidence = obeya_audit_describe_evidence (audit, item);
      info->retired = obeya_audit_item_get_retired (item);
      g_hash_table_insert (numbers, (gpointer) info->id, info->number);
      g_ptr_array_add (content->items[s], info);
    }
}

static void
read_comparison (Content     *content,
                 ObeyaAudits *audits,
                 ObeyaAudit  *audit,
                 GHashTable  *numbers)
{
  g_autoptr(ObeyaAuditComparison) comparison = obeya_audits_compare_with_previous (audits, audit);

  content->changes = g_ptr_array_new_with_free_func (change_info_free);
  content->overall = comparison->overall;
  memcpy (content->s, comparison->s, sizeof content->s);
  content->has_previous = comparison->previous != NULL;
  if (!content->has_previous)
    return;

  content->previous_date = obeya_audit_get_date (comparison->previous);
  obeya_audit_score_of_audit (comparison->previous, &content->previous_score);
  for (guint i = 0; i < comparison->items->len; i++)
    {
      const ObeyaItemComparison *row = &g_array_index (comparison->items, ObeyaItemComparison, i);
      ChangeInfo *info;

      if (row->change == OBEYA_CHANGE_SAME)
        {
          content->n_same++;
          continue;
        }
      if (row->change == OBEYA_CHANGE_NOT_COMPARABLE)
        {
          content->n_not_comparable++;
          continue;
        }
      info = g_new0 (ChangeInfo, 1);
      info->change = row->change;
      info->number = g_strdup (g_hash_table_lookup (numbers, row->item_id));
      info->question = g_strdup (row->item ? obeya_audit_item_get_question (row->item)
                                           : row->item_id);
      info->before = row->before;
      info->after = row->after;
      g_ptr_array_add (content->changes, info);
    }
}

static void
read_scan (Content    *content,
           ObeyaAudit *audit)
{
  static const ObeyaScanEvidence kinds[] = {
    OBEYA_SCAN_EVIDENCE_STALE_FILES, OBEYA_SCAN_EVIDENCE_DUPLICATES, OBEYA_SCAN_EVIDENCE_DEPTH,
    OBEYA_SCAN_EVIDENCE_NAMES, OBEYA_SCAN_EVIDENCE_EMPTY_FOLDERS,
  };
  ObeyaScanResult *scan = obeya_audit_get_scan (audit);
  g_autofree char *when = NULL;
  g_autofree char *size = NULL;
  g_autofree char *files = NULL;
  g_autofree char *folders = NULL;
  g_autofree char *count = NULL;

  if (scan == NULL)
    return;

  when = OBEYA_TIMESTAMP_IS_SET (scan->time) ? format_timestamp (scan->time) : g_strdup ("—");
  size = g_format_size (scan->total_bytes);
  count = g_strdup_printf ("%" G_GUINT64_FORMAT, scan->n_files);
  files = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s file", "%s files",
                                        (gulong) MIN (scan->n_files, G_MAXULONG)), count);
  folders = g_strdup_printf ("%" G_GUINT64_FORMAT, scan->n_folders);
  /* Translators: "/srv/shared/Finance, scanned 3 Nov 2026, 09:30: 8310 files in 1240
   * folders, 21.4 GB" */
  content->scan_heading = g_strdup_printf (_("%s, scanned %s: %s in %s folders, %s"),
                                           scan->folder ? scan->folder : "—", when, files,
                                           folders, size);
  content->scan_lines = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      char *line = obeya_scan_result_describe (scan, kinds[i]);

      if (line != NULL)
        g_ptr_array_add (content->scan_lines, line);
    }
  if (scan->deepest != NULL && scan->deepest->len > 0)
    /* Translators: the deepest folder a folder scan found */
    g_ptr_array_add (content->scan_lines,
                     g_strdup_printf (_("Deepest folder: %s"),
                                      g_array_index (scan->deepest, ObeyaScanPath, 0).path));
  if (scan->bad_names != NULL && scan->bad_names->len > 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < MIN (scan->bad_names->len, 3); i++)
        g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                                g_array_index (scan->bad_names, ObeyaScanPath, i).path);
      /* Translators: examples of file names that break the area's naming pattern */
      g_ptr_array_add (content->scan_lines,
                       g_strdup_printf (_("Names that break the pattern, for example: %s"),
                                        names->str));
    }
}

static void
read_actions (Content        *content,
              ObeyaAudit     *audit,
              ObeyaWorkspace *workspace,
              GHashTable     *numbers)
{
  g_autoptr(GArray) actions = obeya_audit_list_actions (audit);

  content->actions = g_ptr_array_new_with_free_func (action_info_free);
  for (guint i = 0; i < actions->len; i++)
    {
      const ObeyaAuditAction *action = &g_array_index (actions, ObeyaAuditAction, i);
      ActionInfo *info = g_new0 (ActionInfo, 1);

      info->item = g_strdup (action->item_id ? g_hash_table_lookup (numbers, action->item_id)
                                             : NULL);
      if (action->card == NULL)
        {
          info->missing = TRUE;
          info->title = g_strdup (_("The card was deleted"));
        }
      else
        {
          const char * const *assignees = obeya_card_get_assignees (action->card);
          g_autoptr(GString) owners = g_string_new (NULL);

          info->title = g_strdup (obeya_card_get_title (action->card));
          info->column = g_strdup (action->column_name);
          info->done = action->done;
          info->archived = action->archived;
          info->due = obeya_card_get_due (action->card);
          for (guint k = 0; assignees != NULL && assignees[k] != NULL; k++)
            {
              g_autofree char *name = person_name (workspace, assignees[k]);

              g_string_append_printf (owners, "%s%s", k > 0 ? ", " : "", name);
            }
          info->owners = owners->len > 0 ? g_strdup (owners->str) : NULL;
        }
      g_ptr_array_add (content->actions, info);
    }
}

static Content *
read_content (ObeyaAudits *audits,
              ObeyaAudit  *audit)
{
  g_autoptr(Content) content = g_new0 (Content, 1);
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);
  ObeyaWorkspace *workspace = obeya_audits_get_workspace (audits);
  ObeyaAuditTemplate *template_ = obeya_audit_get_template (audit);
  const ObeyaAuditEvent *log;
  guint n_events;

  content->area = g_strdup (obeya_area_get_name (obeya_audit_get_area (audit)));
  content->template_name = g_strdup (template_ ? obeya_audit_template_get_name (template_) : "");
  content->template_version = obeya_audit_get_template_version (audit);
  content->auditor = person_name (workspace, obeya_audit_get_auditor (audit));
  content->date = obeya_audit_get_date (audit);
  content->draft = !obeya_audit_is_finished (audit);
  content->n_unscored = content->draft ? obeya_audit_count_unscored (audit) : 0;
  content->summary = g_strdup (obeya_audit_get_summary (audit));
  obeya_audit_score_of_audit (audit, &content->score);

  log = obeya_audit_get_log (audit, &n_events);
  for (guint i = n_events; !content->draft && i > 0; i--)
    if (log[i - 1].kind == OBEYA_AUDIT_EVENT_FINISHED)
      {
        content->finished = format_timestamp (log[i - 1].time);
        break;
      }

  read_items (content, audit, numbers);
  read_comparison (content, audits, audit, numbers);
  read_scan (content, audit);
  read_actions (content, audit, workspace, numbers);
  return g_steal_pointer (&content);
}

static ObeyaRadarChart *
make_radar (const Content *content)
{
  ObeyaRadarChart *radar = obeya_radar_chart_new ();
  const char *axes[OBEYA_FIVE_S_N];
  double current[OBEYA_FIVE_S_N], previous[OBEYA_FIVE_S_N];
  g_autofree char *this_date = format_day (content->date, TRUE);
  g_autofree char *previous_date = format_day (content->previous_date, TRUE);

  for (guint s = 0; s < OBEYA_FIVE_S_N; s++)
    {
      axes[s] = obeya_five_s_get_label (s);
      current[s] = content->score.s[s].has_score ? content->score.s[s].percent : NAN;
      previous[s] = content->previous_score.s[s].has_score ? content->previous_score.s[s].percent
                                                           : NAN;
    }
  obeya_radar_chart_set_axes (radar, axes, OBEYA_FIVE_S_N);
  obeya_radar_chart_set_series (radar, 0, this_date, current);
  if (content->has_previous)
    obeya_radar_chart_set_series (radar, 1, previous_date, previous);
  obeya_radar_chart_set_unit (radar, "%");
  obeya_chart_set_title (OBEYA_CHART (radar), NULL);
  obeya_chart_set_font_scale (OBEYA_CHART (radar), 0.9);
  obeya_chart_set_empty_message (OBEYA_CHART (radar), _("No item scored yet"));
  return radar;
}

/* ---- building the blocks ------------------------------------------------------ */

static Block *
append_block (ObeyaAuditReport *self,
              double            space_before)
{
  Block *block = block_new (space_before);

  g_ptr_array_add (self->blocks, block);
  return block;
}

static void
add_heading (ObeyaAuditReport *self,
             const char       *title)
{
  Block *block = append_block (self, SECTION_GAP);
  double h = add_text (self, block, title, STYLE_HEADING, &ink, 0., 0., self->width);

  add_line (block, 0., h + 4., self->width, &ink, 1.);
  block->height += 8.;
  block->keep_with_next = TRUE;
  block->outline = g_strdup (title);
}

static void
build_title (ObeyaAuditReport *self)
{
  const Content *c = self->content;
  Block *block = append_block (self, 0.);
  g_autofree char *kicker = g_utf8_strup (_("5S audit report"), -1);
  g_autofree char *subtitle = NULL;
  g_autofree char *date = format_day (c->date, FALSE);
  g_autofree char *state = NULL;
  g_autofree char *previous = NULL;
  const char *labels[4];
  const char *values[4];
  /* Four columns, or two rows of two on a narrow page. */
  guint per_row = NARROW (self) ? 2 : 4;
  double y = 0., column = self->width / per_row, row = 0.;

  y += add_text (self, block, kicker, STYLE_KICKER, &accent, 0., y, self->width) + 2.;
  y += add_text (self, block, c->area, STYLE_TITLE, &ink, 0., y, self->width) + 2.;
  /* Translators: the template an audit was scored against: "Office 5S, version 3" */
  subtitle = g_strdup_printf (_("%s, version %u"), c->template_name, c->template_version);
  y += add_text (self, block, subtitle, STYLE_SUBTITLE, &dim, 0., y, self->width) + 12.;

  if (c->draft)
    {
      g_autofree char *why = NULL;
      g_autofree char *markup = NULL;
      Block *banner = block;
      guint box;
      double h, top = y;

      if (c->n_unscored > 0)
        why = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "This audit is not finished: %u item is not scored "
                                            "yet, and its scores may still change.",
                                            "This audit is not finished: %u items are not scored "
                                            "yet, and its scores may still change.",
                                            c->n_unscored), c->n_unscored);
      else
        why = g_strdup (_("This audit is not finished: its scores may still change."));
      markup = g_markup_printf_escaped ("<b>%s</b>   %s", _("DRAFT"), why);
      /* The box goes under the text: sized once the text is measured. */
      add_rect (banner, 0., top, self->width, 1., &red_pale, &red, 3., FALSE);
      box = banner->elements->len - 1;
      h = add_markup (self, banner, markup, STYLE_BODY, &red, 10., top + 7., self->width - 20.);
      g_array_index (banner->elements, Element, box).height = h + 14.;
      y = top + h + 14. + 12.;
    }

  if (c->draft)
    state = g_strdup (_("Draft"));
  else
    /* Translators: the state of an audit and when it was finished: "Finished\n3 Nov 2026,
     * 16:00" */
    state = g_strdup_printf (_("Finished\n%s"), c->finished ? c->finished : "");
  if (c->has_previous)
    {
      g_autofree char *previous_date = format_day (c->previous_date, FALSE);
      g_autofree char *previous_score = obeya_audit_score_format (&c->previous_score.overall);

      /* Translators: the previous audit of the area and its overall score: "3 October 2026\n
       * 72 % overall" */
      previous = g_strdup_printf (_("%s\n%s overall"), previous_date, previous_score);
    }
  else
    previous = g_strdup (_("None: the first audit of this area"));

  labels[0] = _("Auditor");
  values[0] = c->auditor ? c->auditor : "—";
  labels[1] = _("Date");
  values[1] = date;
  labels[2] = _("State");
  values[2] = state;
  labels[3] = _("Previous audit");
  values[3] = previous;
  add_line (block, 0., y, self->width, &rule, 0.75);
  y += 8.;
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autofree char *label = g_utf8_strup (labels[i], -1);
      double x = (i % per_row) * column;
      double h = add_text (self, block, label, STYLE_LABEL, &dim, x, y, column - 10.);

      h += 2. + add_text (self, block, values[i], i == 2 && c->draft ? STYLE_BODY_BOLD
                                                                     : STYLE_BODY,
                          i == 2 && c->draft ? &red : &ink, x, y + h + 2., column - 10.);
      row = MAX (row, h);
      if ((i + 1) % per_row == 0)
        {
          y += row + 8.;
          row = 0.;
        }
    }
  add_line (block, 0., y, self->width, &rule, 0.75);
  block->height = y + 1.;
}

/* The auditor's summary, under a caption, at @y of @block in @width. */
static double
add_summary (ObeyaAuditReport *self,
             Block            *block,
             double            y,
             double            width)
{
  g_autofree char *label = g_utf8_strup (_("Auditor’s summary"), -1);
  double h = add_text (self, block, label, STYLE_LABEL, &dim, 0., y, width) + 3.;

  return h + add_text (self, block, self->content->summary, STYLE_BODY, &ink, 0., y + h, width);
}

/* The overall score, its change and the summary beside the radar. */
static void
build_overall (ObeyaAuditReport *self)
{
  const Content *c = self->content;
  Block *block = append_block (self, 6.);
  gboolean narrow = NARROW (self);
  double radar_size = MIN (220., self->width * 0.44);
  double left = narrow ? self->width : self->width - radar_size - 24.;
  g_autofree char *overall = obeya_audit_score_format (&c->score.overall);
  g_autofree char *overall_label = g_utf8_strup (_("Overall"), -1);
  gboolean has_summary = c->summary != NULL && *c->summary != '\0';
  Element chart = { ELEMENT_CHART, };
  double y = 10.;

  y += add_text (self, block, overall_label, STYLE_LABEL, &dim, 0., y, left);
  y += add_text (self, block, overall, STYLE_BIG, &ink, 0., y, left);
  if (c->has_previous && c->overall.change != OBEYA_CHANGE_NOT_COMPARABLE)
    {
      g_autofree char *delta = format_delta (&c->overall);
      g_autofree char *previous_date = format_day (c->previous_date, TRUE);
      g_autofree char *previous_score = obeya_audit_score_format (&c->previous_score.overall);
      g_autofree char *since = NULL;
      gulong points = (gulong) MAX (1, labs (lround (c->overall.delta)));

      /* Translators: the change of the overall score, in percentage points, with an arrow:
       * "▲ 6 points since 3 Oct 2026 (72 %)" */
      since = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s point since %s (%s)",
                                            "%s points since %s (%s)", points),
                               delta, previous_date, previous_score);
      y += add_text (self, block, since, STYLE_BODY_BOLD, change_color (c->overall.change),
                     0., y, left);
    }
  else if (!c->has_previous)
    y += add_text (self, block, _("The first audit of this area"), STYLE_BODY, &dim, 0., y, left);

  chart.width = radar_size;
  chart.height = radar_size * (c->has_previous ? 0.98 : 0.9);
  if (narrow)
    {
      /* The radar goes under the table (build_scores()). */
      block->height = y;
      self->summary_below = has_summary;
      return;
    }
  chart.x = self->width - radar_size;
  chart.y = 0.;
  g_array_append_val (block->elements, chart);

  /* The summary beside the radar when it fits there, else under the table. */
  if (has_summary)
    {
      Block *probe = block_new (0.);
      double h = add_summary (self, probe, 0., left);

      block_free (probe);
      if (y + 18. + h <= chart.height)
        {
          add_summary (self, block, y + 18., left);
          has_summary = FALSE;
        }
    }
  block->height = MAX (y, chart.y + chart.height);
  self->summary_below = has_summary;
}

/* The table of the five S: S, score, [previous, change,] items; a block
 * a row under a header block that is repeated on a new page. */
static void
build_s_table (ObeyaAuditReport *self)
{
  const Content *c = self->content;
  const double with_previous[] = { 0., 0.28, 0.42, 0.58, 0.74 };
  const double first_only[] = { 0., 0.40, 0.60 };
  const double *share = c->has_previous ? with_previous : first_only;
  const char *headers[5];
  guint n_columns = 0;
  Block *header = append_block (self, 12.);
  double y = 0.;

  headers[n_columns++] = _("The five S");
  headers[n_columns++] = _("Score");
  if (c->has_previous)
    {
      headers[n_columns++] = _("Previous");
      headers[n_columns++] = _("Change");
    }
  headers[n_columns++] = _("Items");

  for (guint i = 0; i < n_columns; i++)
    {
      g_autofree char *text = g_utf8_strup (headers[i], -1);
      double end = i + 1 < n_columns ? share[i + 1] * self->width - 4. : self->width;
      double h = add_text (self, header, text, STYLE_LABEL, &dim, share[i] * self->width, 0.,
                           end - share[i] * self->width);

      y = MAX (y, h);
    }
  add_line (header, 0., y + 4., self->width, &ink, 0.75);
  header->keep_with_next = TRUE;

  for (guint s = 0; s < OBEYA_FIVE_S_N; s++)
    {
      g_autofree char *name = g_strdup_printf ("%u  %s", s + 1, obeya_five_s_get_label (s));
      g_autofree char *score = obeya_audit_score_format (&c->score.s[s]);
      g_autofree char *counts = format_counts (&c->score.s[s]);
      const char *cells[5];
      const ObeyaChartColor *colors[5];
      Style cell_styles[5];
      g_autofree char *previous = NULL;
      g_autofree char *delta = NULL;
      Block *block = append_block (self, 0.);
      double row = 0.;
      guint k = 0;

      block->repeat = header;
      cells[k] = name;
      colors[k] = &ink;
      cell_styles[k++] = STYLE_BODY;
      cells[k] = score;
      colors[k] = c->score.s[s].has_score ? &ink : &dim;
      cell_styles[k++] = STYLE_BODY_BOLD;
      if (c->has_previous)
        {
          previous = obeya_audit_score_format (&c->previous_score.s[s]);
          delta = format_delta (&c->s[s]);
          cells[k] = previous;
          colors[k] = &dim;
          cell_styles[k++] = STYLE_BODY;
          cells[k] = delta;
          colors[k] = change_color (c->s[s].change);
          cell_styles[k++] = STYLE_BODY_BOLD;
        }
      cells[k] = counts;
      colors[k] = &dim;
      cell_styles[k++] = STYLE_BODY;

      for (guint i = 0; i < k; i++)
        {
          double end = i + 1 < k ? share[i + 1] * self->width - 8. : self->width;
          double h = add_text (self, block, cells[i], cell_styles[i], colors[i],
                               share[i] * self->width, 5., end - share[i] * self->width);

          row = MAX (row, h);
        }
      block->height = 5. + row + 5.;
      add_line (block, 0., block->height, self->width, &rule, 0.5);
    }

  if (self->summary_below)
    {
      Block *summary = append_block (self, 14.);

      add_summary (self, summary, 0., self->width);
    }
}

static void
build_scores (ObeyaAuditReport *self)
{
  add_heading (self, _("Scores"));
  build_overall (self);
  build_s_table (self);
  if (NARROW (self))
    {
      /* On a narrow page the radar has a block of its own, centred. */
      Block *radar = append_block (self, 12.);
      Element chart = { ELEMENT_CHART, };

      chart.width = MIN (240., self->width);
      chart.height = chart.width * (self->content->has_previous ? 0.98 : 0.9);
      chart.x = (self->width - chart.width) / 2.;
      g_array_append_val (radar->elements, chart);
      radar->height = chart.height;
    }
}

static const char *
change_group_title (ObeyaChange change)
{
  switch (change)
    {
    case OBEYA_CHANGE_DOWN:
      return _("Dropped");
    case OBEYA_CHANGE_UP:
      return _("Improved");
    case OBEYA_CHANGE_NEW:
      return _("New since the previous audit");
    case OBEYA_CHANGE_REMOVED:
      return _("No longer in the template");
    case OBEYA_CHANGE_SAME:
    case OBEYA_CHANGE_NOT_COMPARABLE:
    default:
      return "";
    }
}

static const char *
change_arrow (ObeyaChange change)
{
  switch (change)
    {
    case OBEYA_CHANGE_DOWN:
      return "▼";
    case OBEYA_CHANGE_UP:
      return "▲";
    case OBEYA_CHANGE_NEW:
      return "+";
    case OBEYA_CHANGE_REMOVED:
      return "−";
    case OBEYA_CHANGE_SAME:
    case OBEYA_CHANGE_NOT_COMPARABLE:
    default:
      return "";
    }
}

static void
build_comparison (ObeyaAuditReport *self)
{
  static const ObeyaChange order[] = {
    OBEYA_CHANGE_DOWN, OBEYA_CHANGE_UP, OBEYA_CHANGE_NEW, OBEYA_CHANGE_REMOVED,
  };
  const Content *c = self->content;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  double score_x = self->width - 70.;
  g_autoptr(GString) rest = g_string_new (NULL);
  Block *block, *header;

  if (!c->has_previous)
    return;

  date = format_day (c->previous_date, FALSE);
  /* Translators: a section of the 5S report: "Compared with 3 October 2026" */
  title = g_strdup_printf (_("Compared with %s"), date);
  add_heading (self, title);

  for (guint g = 0; g < G_N_ELEMENTS (order); g++)
    {
      guint n = 0;

      for (guint i = 0; i < c->changes->len; i++)
        n += ((ChangeInfo *) c->changes->pdata[i])->change == order[g];
      if (n == 0)
        continue;

      {
        g_autofree char *group = g_strdup_printf ("%s (%u)", change_group_title (order[g]), n);
        g_autofree char *label = g_utf8_strup (group, -1);
        g_autofree char *scores = g_utf8_strup (_("Before → now"), -1);

        header = append_block (self, 8.);
        add_text (self, header, label, STYLE_LABEL, change_color (order[g]), 0., 0., score_x);
        add_text_full (self, header, scores, FALSE, STYLE_LABEL, &dim, score_x, 0., 70.,
                       PANGO_ALIGN_RIGHT);
        header->height += 3.;
        header->keep_with_next = TRUE;
      }

      for (guint i = 0; i < c->changes->len; i++)
        {
          ChangeInfo *info = c->changes->pdata[i];
          g_autofree char *before = format_item_score (info->before);
          g_autofree char *after = format_item_score (info->after);
          g_autofree char *scores = NULL;
          double h;

          if (info->change != order[g])
            continue;
          if (info->change == OBEYA_CHANGE_NEW)
            scores = g_strdup (after);
          else if (info->change == OBEYA_CHANGE_REMOVED)
            scores = g_strdup_printf ("%s →", before);
          else
            scores = g_strdup_printf ("%s → %s", before, after);

          block = append_block (self, 0.);
          block->repeat = header;
          add_text (self, block, change_arrow (info->change), STYLE_BODY_BOLD,
                    change_color (info->change), 0., 3., 14.);
          add_text (self, block, info->number ? info->number : "", STYLE_BODY, &dim, 16., 3.,
                    NUMBER_WIDTH);
          h = add_text (self, block, info->question, STYLE_BODY, &ink, 16. + NUMBER_WIDTH, 3.,
                        score_x - 16. - NUMBER_WIDTH - 12.);
          add_text_full (self, block, scores, FALSE, STYLE_BODY_BOLD,
                         change_color (info->change), score_x, 3., 70., PANGO_ALIGN_RIGHT);
          add_line (block, 0., h + 6., self->width, &rule, 0.5);
        }
    }

  if (c->n_same > 0)
    g_string_append_printf (rest, g_dngettext (GETTEXT_PACKAGE, "%u item scored the same.",
                                               "%u items scored the same.", c->n_same),
                            c->n_same);
  if (c->n_not_comparable > 0)
    {
      if (rest->len > 0)
        g_string_append_c (rest, ' ');
      g_string_append_printf (rest, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u item cannot be compared (N/A or not "
                                                 "scored in one of the two audits).",
                                                 "%u items cannot be compared (N/A or not "
                                                 "scored in one of the two audits).",
                                                 c->n_not_comparable),
                              c->n_not_comparable);
    }
  if (c->changes->len == 0 && rest->len == 0)
    g_string_append (rest, _("Nothing to compare."));
  if (rest->len > 0)
    {
      block = append_block (self, 8.);
      add_text (self, block, rest->str, STYLE_SECONDARY, &dim, 0., 0., self->width);
    }
}

/* The band that opens the items of one S; @continued: its repeat on a new page. */
static Block *
make_s_band (ObeyaAuditReport *self,
             ObeyaFiveS        s,
             gboolean          continued)
{
  const Content *c = self->content;
  Block *block = block_new (continued ? 0. : 14.);
  g_autofree char *title = NULL;
  g_autofree char *score = obeya_audit_score_format (&c->score.s[s]);
  g_autofree char *counts = format_counts (&c->score.s[s]);
  double h, right = 110.;

  if (continued)
    /* Translators: the heading of one S repeated on the next page: "2  Set in order
     * (continued)" */
    title = g_strdup_printf (_("%u  %s (continued)"), s + 1, obeya_five_s_get_label (s));
  else
    title = g_strdup_printf ("%u  %s", s + 1, obeya_five_s_get_label (s));

  add_rect (block, 0., 0., self->width, 1., &band, NULL, 0., FALSE);
  add_rect (block, 0., 0., 3., 1., &accent, NULL, 0., FALSE);
  h = add_text (self, block, title, STYLE_SUBHEADING, &ink, 12., 6., self->width - right - 24.);
  if (!continued)
    h += add_text (self, block, obeya_five_s_get_description (s), STYLE_SECONDARY, &dim, 12.,
                   6. + h + 1., self->width - right - 24.) + 1.;
  add_text_full (self, block, score, FALSE, STYLE_SUBHEADING,
                 c->score.s[s].has_score ? &ink : &dim, self->width - right - 10., 6., right,
                 PANGO_ALIGN_RIGHT);
  if (!continued)
    add_text_full (self, block, counts, FALSE, STYLE_SECONDARY, &dim, self->width - right - 10.,
                   6. + styles[STYLE_SUBHEADING].size * 1.35, right, PANGO_ALIGN_RIGHT);
  /* The band's height, now that its text is measured. */
  block->height = h + 12.;
  g_array_index (block->elements, Element, 0).height = block->height;
  g_array_index (block->elements, Element, 1).height = block->height;
  block->height += 2.;
  return block;
}

/* The score badge of an item: the score out of 4 over four pips, or N/A,
 * or a dashed "not scored". */
static void
add_badge (ObeyaAuditReport *self,
           Block            *block,
           int               score)
{
  double x = self->width - BADGE_WIDTH;

  if (score >= 0)
    {
      g_autofree char *text = g_strdup_printf ("%d / %d", score, OBEYA_SCORE_MAX);
      double pip = 7., gap = 3., pips_x = x + (BADGE_WIDTH - 4 * pip - 3 * gap) / 2.;

      add_rect (block, x, 0., BADGE_WIDTH, BADGE_HEIGHT + 4., &band, &rule, 4., FALSE);
      add_text_full (self, block, text, FALSE, STYLE_BODY_BOLD, &ink, x, 4., BADGE_WIDTH,
                     PANGO_ALIGN_CENTER);
      for (int i = 0; i < OBEYA_SCORE_MAX; i++)
        add_rect (block, pips_x + i * (pip + gap), BADGE_HEIGHT - 7., pip, 4.,
                  i < score ? &ink : &white, &dim, 1., FALSE);
    }
  else if (score == OBEYA_SCORE_NA)
    {
      add_rect (block, x, 0., BADGE_WIDTH, BADGE_HEIGHT - 6., &white, &dim, 4., FALSE);
      add_text_full (self, block, _("N/A"), FALSE, STYLE_BODY_BOLD, &dim, x, 5., BADGE_WIDTH,
                     PANGO_ALIGN_CENTER);
    }
  else
    {
      add_rect (block, x, 0., BADGE_WIDTH, BADGE_HEIGHT - 6., &white, &red, 4., TRUE);
      add_text_full (self, block, _("Not scored"), FALSE, STYLE_SECONDARY, &red, x, 5.5,
                     BADGE_WIDTH, PANGO_ALIGN_CENTER);
    }
}

static void
build_item (ObeyaAuditReport *self,
            const ItemInfo   *item,
            Block            *repeat)
{
  Block *block = append_block (self, 0.);
  double text_x = NUMBER_WIDTH, text_w = self->width - NUMBER_WIDTH - BADGE_WIDTH - 14.;
  double y = 10.;

  block->item_id = item->id;
  block->repeat = repeat;

  add_text (self, block, item->number, STYLE_BODY_BOLD, &dim, 0., y, NUMBER_WIDTH - 4.);
  y += add_text (self, block, item->question, STYLE_BODY_BOLD, &ink, text_x, y, text_w) + 3.;

  if (item->retired)
    y += add_text (self, block, _("This item has since been retired from the template."),
                   STYLE_SECONDARY, &dim, text_x, y, text_w) + 2.;
  if (item->anchor != NULL)
    {
      /* Translators: the written anchor of the score given: "Anchor for 3: …" */
      g_autofree char *markup = g_markup_printf_escaped (_("<b>Anchor for %d:</b> <i>%s</i>"),
                                                         item->score, item->anchor);

      y += add_markup (self, block, markup, STYLE_SECONDARY, &dim, text_x, y, text_w) + 3.;
    }
  else if (item->score == OBEYA_SCORE_NA)
    y += add_text (self, block, _("Not applicable in this area."), STYLE_SECONDARY, &dim, text_x,
                   y, text_w) + 3.;
  else if (item->score == OBEYA_SCORE_UNSCORED)
    y += add_text (self, block, _("Not scored yet."), STYLE_SECONDARY, &red, text_x, y,
                   text_w) + 3.;
  if (item->note != NULL)
    {
      /* Translators: an auditor's note on an item of the 5S report */
      g_autofree char *markup = g_markup_printf_escaped (_("<b>Note:</b> %s"), item->note);

      y += add_markup (self, block, markup, STYLE_BODY, &ink, text_x, y + 1., text_w) + 4.;
    }
  if (item->photos != NULL)
    {
      g_autofree char *markup = g_markup_printf_escaped (_("<b>Photos:</b> %s"), item->photos);

      y += add_markup (self, block, markup, STYLE_SECONDARY, &dim, text_x, y, text_w) + 3.;
    }
  if (item->evidence != NULL)
    {
      g_autofree char *markup = g_markup_printf_escaped (_("<b>Folder scan:</b> %s"),
                                                         item->evidence);

      y += add_markup (self, block, markup, STYLE_SECONDARY, &dim, text_x, y, text_w) + 3.;
    }

  add_badge (self, block, item->score);
  /* The badge sits beside the question, moved down a little. */
  for (guint i = 0; i < block->elements->len; i++)
    {
      Element *element = &g_array_index (block->elements, Element, i);

      if (element->x >= self->width - BADGE_WIDTH - 0.5)
        element->y += 8.;
    }
  block->height = MAX (y, 8. + BADGE_HEIGHT + 4.) + 8.;
  add_line (block, 0., block->height, self->width, &rule, 0.5);
}

static void
build_items (ObeyaAuditReport *self)
{
  const Content *c = self->content;

  add_heading (self, _("Items"));
  for (guint s = 0; s < OBEYA_FIVE_S_N; s++)
    {
      GPtrArray *items = c->items[s];
      Block *band_block, *repeat;

      if (items->len == 0)
        continue;
      band_block = make_s_band (self, s, FALSE);
      band_block->keep_with_next = TRUE;
      band_block->outline = g_strdup (obeya_five_s_get_label (s));
      band_block->outline_child = TRUE;
      g_ptr_array_add (self->blocks, band_block);
      repeat = make_s_band (self, s, TRUE);
      g_ptr_array_add (self->repeats, repeat);

      for (guint i = 0; i < items->len; i++)
        build_item (self, items->pdata[i], repeat);
    }
}

static void
build_scan (ObeyaAuditReport *self)
{
  const Content *c = self->content;
  Block *block;
  double y;

  if (c->scan_heading == NULL)
    return;
  add_heading (self, _("Folder scan evidence"));
  block = append_block (self, 4.);
  y = add_text (self, block, c->scan_heading, STYLE_BODY_BOLD, &ink, 0., 0., self->width) + 6.;
  for (guint i = 0; i < c->scan_lines->len; i++)
    {
      add_text (self, block, "•", STYLE_BODY, &dim, 4., y, 10.);
      y += add_text (self, block, c->scan_lines->pdata[i], STYLE_BODY, &ink, 16., y,
                     self->width - 16.) + 3.;
    }
}

typedef struct
{
  const char *header;
  double      width; /* a share of the table's width */
} ActionColumn;

static void
build_actions (ObeyaAuditReport *self)
{
  const Content *c = self->content;
  /* Card title, item, column, done, due, owner. */
  const ActionColumn columns[] = {
    { _("Action"), 0.38 }, { _("Item"), 0.07 }, { _("Column"), 0.15 }, { _("Done"), 0.08 },
    { _("Due"), 0.13 }, { _("Owner"), 0.19 },
  };
  double x[G_N_ELEMENTS (columns)];
  Block *header;

  add_heading (self, _("Actions raised"));
  if (c->actions->len == 0)
    {
      Block *block = append_block (self, 4.);

      add_text (self, block, _("No corrective actions were raised from this audit."),
                STYLE_BODY, &dim, 0., 0., self->width);
      return;
    }

  header = append_block (self, 4.);
  for (guint k = 0; k < G_N_ELEMENTS (columns); k++)
    {
      g_autofree char *label = g_utf8_strup (columns[k].header, -1);

      x[k] = k == 0 ? 0. : x[k - 1] + columns[k - 1].width * self->width;
      add_text (self, header, label, STYLE_LABEL, &dim, x[k], 0.,
                columns[k].width * self->width - 6.);
    }
  add_line (header, 0., header->height + 4., self->width, &ink, 0.75);
  header->keep_with_next = TRUE;

  for (guint i = 0; i < c->actions->len; i++)
    {
      ActionInfo *action = c->actions->pdata[i];
      Block *block = append_block (self, 0.);
      g_autofree char *due = action->due != OBEYA_DAY_NONE ? format_day (action->due, TRUE)
                                                          : g_strdup ("—");
      const char *cells[G_N_ELEMENTS (columns)];
      double row = 0.;

      block->repeat = header;
      cells[0] = action->title;
      cells[1] = action->item ? action->item : "—";
      cells[2] = action->missing ? "—" : action->archived ? _("Archived")
                 : action->column ? action->column : "—";
      cells[3] = action->missing ? "—" : action->done ? _("Yes") : _("No");
      cells[4] = due;
      cells[5] = action->owners ? action->owners : "—";
      for (guint k = 0; k < G_N_ELEMENTS (columns); k++)
        {
          const ObeyaChartColor *color = &ink;
          Style style = STYLE_BODY;
          double h;

          if (k == 0 && action->missing)
            color = &dim;
          else if (k == 3 && action->done)
            {
              color = &green;
              style = STYLE_BODY_BOLD;
            }
          else if (k == 1 || k == 3)
            color = &dim;
          h = add_text (self, block, cells[k], style, color, x[k], 5.,
                        columns[k].width * self->width - 6.);

          row = MAX (row, h);
        }
      block->height = 5. + row + 5.;
      add_line (block, 0., block->height, self->width, &rule, 0.5);
    }
}

/* ---- pagination ----------------------------------------------------------------- */

static void
record_item_page (ObeyaAuditReport *self,
                  Block            *block,
                  guint             page)
{
  guint value, first;

  if (block->item_id == NULL)
    return;
  value = GPOINTER_TO_UINT (g_hash_table_lookup (self->item_pages, block->item_id));
  first = value != 0 ? (value & 0xffff) : page + 1;
  g_hash_table_insert (self->item_pages, (gpointer) block->item_id,
                       GUINT_TO_POINTER (first | ((page + 1) << 16)));
}

static GArray *
new_page (ObeyaAuditReport *self)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (Placement));

  g_ptr_array_add (self->pages, page);
  return page;
}

static void
place (ObeyaAuditReport *self,
       GArray           *page,
       Block            *block,
       double            y,
       double            from,
       double            to)
{
  Placement placement = { block, y, from, to };

  g_array_append_val (page, placement);
  record_item_page (self, block, self->pages->len - 1);
}

typedef struct
{
  double top;
  double bottom;
} LineSpan;

static int
compare_bottoms_cb (gconstpointer a,
                    gconstpointer b)
{
  const LineSpan *x = a, *y = b;

  /* The lowest first. */
  return x->bottom < y->bottom ? 1 : x->bottom > y->bottom ? -1 : 0;
}

/* Where to end the part of an oversized @block that starts at @from and
 * has @room: the lowest line boundary that cuts through no line of text
 * (text side by side, such as an item's number beside its question, has
 * lines of its own). */
static double
find_cut (Block  *block,
          double  from,
          double  room)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (LineSpan));
  g_autoptr(GArray) sorted = NULL;
  double limit = from + room;

  if (limit >= block->height)
    return block->height;

  for (guint i = 0; i < block->elements->len; i++)
    {
      Element *element = &g_array_index (block->elements, Element, i);
      PangoLayoutIter *iter;

      if (element->kind != ELEMENT_TEXT || element->y + element->height <= from ||
          element->y >= limit)
        continue;
      iter = pango_layout_get_iter (element->layout);
      do
        {
          int top, bottom;
          LineSpan span;

          pango_layout_iter_get_line_yrange (iter, &top, &bottom);
          span.top = element->y + (double) top / PANGO_SCALE;
          span.bottom = element->y + (double) bottom / PANGO_SCALE;
          if (span.bottom > from && span.top < limit)
            g_array_append_val (spans, span);
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }

  /* The candidates, lowest first: usually the first one cuts nothing. */
  sorted = g_array_copy (spans);
  g_array_sort (sorted, compare_bottoms_cb);
  for (guint i = 0; i < sorted->len; i++)
    {
      double cut = g_array_index (sorted, LineSpan, i).bottom;
      gboolean through = FALSE;

      if (cut > limit || cut <= from)
        continue;
      for (guint k = 0; k < spans->len && !through; k++)
        {
          const LineSpan *span = &g_array_index (spans, LineSpan, k);

          through = cut > span->top + 0.01 && cut < span->bottom - 0.01;
        }
      if (!through)
        return cut;
    }
  /* Nothing fits (a single line taller than the page): cut where the page ends. */
  return limit;
}

static void
paginate (ObeyaAuditReport *self)
{
  double room = self->bottom - self->top;
  double y = self->top;
  GArray *page = new_page (self);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = self->blocks->pdata[i];
      double gap = y > self->top ? block->space_before : 0.;
      double need = block->height;

      /* A heading keeps the start of what follows on its page. */
      for (guint j = i; j + 1 < self->blocks->len &&
                        ((Block *) self->blocks->pdata[j])->keep_with_next; j++)
        {
          Block *next = self->blocks->pdata[j + 1];

          need += next->space_before + next->height;
        }
      need = MIN (need, room);

      if (y > self->top && y + gap + need > self->bottom)
        {
          page = new_page (self);
          y = self->top;
          gap = 0.;
          if (block->repeat != NULL)
            {
              place (self, page, block->repeat, y, 0., block->repeat->height);
              y += block->repeat->height;
            }
        }

      if (y + gap + block->height <= self->bottom + 0.01)
        {
          place (self, page, block, y + gap, 0., block->height);
          y += gap + block->height;
          continue;
        }

      /* Taller than a page: cut it between lines of text. */
      {
        double from = 0.;

        y += gap;
        while (TRUE)
          {
            double cut = find_cut (block, from, MAX (self->bottom - y, 12.));

            place (self, page, block, y, from, cut);
            y += cut - from;
            from = cut;
            if (from >= block->height)
              break;
            page = new_page (self);
            y = self->top;
            if (block->repeat != NULL)
              {
                place (self, page, block->repeat, y, 0., block->repeat->height);
                y += block->repeat->height;
              }
          }
      }
    }
}

static void
clear_layout (ObeyaAuditReport *self)
{
  g_ptr_array_set_size (self->blocks, 0);
  g_ptr_array_set_size (self->repeats, 0);
  g_ptr_array_set_size (self->pages, 0);
  g_hash_table_remove_all (self->item_pages);
}

void
obeya_audit_report_layout (ObeyaAuditReport *self,
                           double            width,
                           double            height)
{
  g_return_if_fail (OBEYA_IS_AUDIT_REPORT (self));
  g_return_if_fail (width > 2 * MARGIN_SIDE + 100. && height > 300.);

  clear_layout (self);
  self->page_width = width;
  self->page_height = height;
  self->width = width - 2 * MARGIN_SIDE;
  self->top = MARGIN_TOP + HEADER_BAND;
  self->bottom = height - MARGIN_BOTTOM - FOOTER_BAND;

  build_title (self);
  build_scores (self);
  build_comparison (self);
  build_items (self);
  build_scan (self);
  build_actions (self);
  paginate (self);
}

/* ---- drawing --------------------------------------------------------------------- */

static void
draw_element (ObeyaAuditReport *self,
              cairo_t          *cr,
              const Element    *element)
{
  switch (element->kind)
    {
    case ELEMENT_TEXT:
      obeya_chart_set_color (cr, &element->color);
      cairo_move_to (cr, element->x, element->y);
      pango_cairo_show_layout (cr, element->layout);
      break;

    case ELEMENT_RECT:
      obeya_chart_rounded_rect (cr, element->x, element->y, element->width, element->height,
                                element->radius);
      if (element->color.alpha > 0.)
        {
          obeya_chart_set_color (cr, &element->color);
          cairo_fill_preserve (cr);
        }
      if (element->stroke.alpha > 0.)
        {
          double dash[] = { 3., 2. };

          cairo_set_dash (cr, dash, element->dashed ? 2 : 0, 0.);
          cairo_set_line_width (cr, element->line_width);
          obeya_chart_set_color (cr, &element->stroke);
          cairo_stroke_preserve (cr);
          cairo_set_dash (cr, NULL, 0, 0.);
        }
      cairo_new_path (cr);
      break;

    case ELEMENT_LINE:
      cairo_move_to (cr, element->x, element->y);
      cairo_rel_line_to (cr, element->width, element->height);
      cairo_set_line_width (cr, element->line_width);
      obeya_chart_set_color (cr, &element->color);
      cairo_stroke (cr);
      break;

    case ELEMENT_CHART:
      {
        g_autoptr(ObeyaChartPalette) palette =
          obeya_chart_palette_copy (obeya_chart_palette_get (OBEYA_CHART_STYLE_LIGHT));

        /* On paper: no background, and the report's ink. */
        palette->background.alpha = 0.;
        palette->foreground = ink;
        palette->dim_foreground = dim;
        palette->accent = accent;
        cairo_save (cr);
        cairo_translate (cr, element->x, element->y);
        obeya_chart_draw (OBEYA_CHART (self->radar), cr, element->width, element->height,
                          palette);
        cairo_restore (cr);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

/* The lines of @element that lie within [@from, @to] of its block: a piece
 * of a block taller than a page shows whole lines, never a sliver of one. */
static void
draw_text_lines (cairo_t       *cr,
                 const Element *element,
                 double         from,
                 double         to)
{
  PangoLayoutIter *iter = pango_layout_get_iter (element->layout);

  obeya_chart_set_color (cr, &element->color);
  do
    {
      PangoRectangle logical;
      int top, bottom;

      pango_layout_iter_get_line_yrange (iter, &top, &bottom);
      if (element->y + (double) top / PANGO_SCALE < from - 0.01 ||
          element->y + (double) bottom / PANGO_SCALE > to + 0.01)
        continue;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      cairo_move_to (cr, element->x + (double) logical.x / PANGO_SCALE,
                     element->y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_placement (ObeyaAuditReport *self,
                cairo_t          *cr,
                const Placement  *placement)
{
  Block *block = placement->block;
  gboolean part = placement->from > 0. || placement->to < block->height;

  cairo_save (cr);
  if (part)
    {
      /* Shapes clipped to the part, then the text by whole lines. */
      cairo_rectangle (cr, 0., placement->y, self->page_width, placement->to - placement->from);
      cairo_clip (cr);
    }
  cairo_translate (cr, MARGIN_SIDE, placement->y - placement->from);
  for (guint i = 0; i < block->elements->len; i++)
    {
      const Element *element = &g_array_index (block->elements, Element, i);

      if (!part || element->kind != ELEMENT_TEXT)
        draw_element (self, cr, element);
    }
  cairo_restore (cr);
  if (!part)
    return;

  cairo_save (cr);
  cairo_translate (cr, MARGIN_SIDE, placement->y - placement->from);
  for (guint i = 0; i < block->elements->len; i++)
    {
      const Element *element = &g_array_index (block->elements, Element, i);

      if (element->kind == ELEMENT_TEXT)
        draw_text_lines (cr, element, placement->from, placement->to);
    }
  cairo_restore (cr);
}

/* The header, footer and watermark of @page as text elements (in page
 * coordinates) for drawing and for obeya_audit_report_dup_page_text(). */
static GArray *
make_margins (ObeyaAuditReport *self,
              guint             page)
{
  const Content *c = self->content;
  GArray *elements = g_array_new (FALSE, TRUE, sizeof (Element));
  Block *block = block_new (0.);
  g_autofree char *footer = NULL;
  g_autofree char *page_text = NULL;
  double footer_y = self->page_height - MARGIN_BOTTOM - styles[STYLE_MARGIN].size * 1.3;
  double half = self->width / 2.;

  if (c->draft)
    {
      Element mark = { ELEMENT_TEXT, };
      ObeyaChartColor pale = red;

      pale.alpha = 0.09;
      mark.layout = make_layout (self, _("DRAFT"), FALSE, STYLE_WATERMARK, 0., PANGO_ALIGN_LEFT);
      mark.width = layout_width (mark.layout);
      mark.height = layout_height (mark.layout);
      mark.color = pale;
      mark.radius = -1.; /* marks the watermark: drawn turned, at the page's centre */
      g_array_append_val (block->elements, mark);
    }

  if (page > 0)
    {
      g_autofree char *date = format_day (c->date, FALSE);
      g_autofree char *left = g_markup_printf_escaped ("<b>%s</b>  ·  %s", c->area,
                                                       _("5S audit report"));
      g_autofree char *right = c->draft ? g_markup_printf_escaped ("%s  ·  <span "
                                                                   "foreground='#c01c28' "
                                                                   "weight='bold'>%s</span>",
                                                                   date, _("DRAFT"))
                                        : g_markup_escape_text (date, -1);
      double h;

      h = add_text_full (self, block, left, TRUE, STYLE_MARGIN, &dim, MARGIN_SIDE, MARGIN_TOP,
                         half, PANGO_ALIGN_LEFT);
      add_text_full (self, block, right, TRUE, STYLE_MARGIN, &dim, MARGIN_SIDE + half,
                     MARGIN_TOP, half, PANGO_ALIGN_RIGHT);
      add_line (block, MARGIN_SIDE, MARGIN_TOP + h + 4., self->width, &rule, 0.75);
    }

  /* Translators: the footer of the 5S report: the template and its version */
  footer = g_strdup_printf (_("%s, version %u"), c->template_name, c->template_version);
  /* Translators: the page number in the footer of a report */
  page_text = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  add_line (block, MARGIN_SIDE, footer_y - 6., self->width, &rule, 0.75);
  add_text (self, block, footer, STYLE_MARGIN, &dim, MARGIN_SIDE, footer_y, half);
  add_text_full (self, block, page_text, FALSE, STYLE_MARGIN, &dim, MARGIN_SIDE + half, footer_y,
                 half, PANGO_ALIGN_RIGHT);

  g_array_append_vals (elements, block->elements->data, block->elements->len);
  /* The elements now belong to @elements. */
  g_array_set_clear_func (block->elements, NULL);
  block_free (block);
  g_array_set_clear_func (elements, element_clear);
  return elements;
}

void
obeya_audit_report_draw_page (ObeyaAuditReport *self,
                              cairo_t          *cr,
                              guint             page)
{
  g_autoptr(GArray) margins = NULL;
  GArray *placements;

  g_return_if_fail (OBEYA_IS_AUDIT_REPORT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  placements = self->pages->pdata[page];
  margins = make_margins (self, page);

  cairo_save (cr);
  for (guint i = 0; i < margins->len; i++)
    {
      Element *element = &g_array_index (margins, Element, i);

      if (element->kind == ELEMENT_TEXT && element->radius < 0.)
        {
          /* The DRAFT watermark, across the middle of the page. */
          cairo_save (cr);
          cairo_translate (cr, self->page_width / 2., self->page_height / 2.);
          cairo_rotate (cr, -atan2 (self->page_height, self->page_width) * 0.8);
          obeya_chart_set_color (cr, &element->color);
          cairo_move_to (cr, -element->width / 2., -element->height / 2.);
          /* Outlines, not text: copying or reading the PDF's text aloud
           * does not meet stray letters of it. */
          pango_cairo_layout_path (cr, element->layout);
          cairo_fill (cr);
          cairo_restore (cr);
        }
      else
        draw_element (self, cr, element);
    }
  for (guint i = 0; i < placements->len; i++)
    draw_placement (self, cr, &g_array_index (placements, Placement, i));
  cairo_restore (cr);
}

/* ---- output ----------------------------------------------------------------------- */

static cairo_status_t
append_bytes_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The PDF outline: the sections, the five S under "Items". */
static void
add_outline (ObeyaAuditReport *self,
             cairo_surface_t  *surface)
{
  int parent = CAIRO_PDF_OUTLINE_ROOT;

  for (guint p = 0; p < self->pages->len; p++)
    {
      GArray *placements = self->pages->pdata[p];

      for (guint i = 0; i < placements->len; i++)
        {
          const Placement *placement = &g_array_index (placements, Placement, i);
          g_autofree char *link = NULL;
          char y[G_ASCII_DTOSTR_BUF_SIZE];
          int id;

          if (placement->block->outline == NULL || placement->from > 0.)
            continue;
          g_ascii_formatd (y, sizeof y, "%.1f", placement->y);
          link = g_strdup_printf ("page=%u pos=[0 %s]", p + 1, y);
          id = cairo_pdf_surface_add_outline (surface,
                                              placement->block->outline_child
                                                ? parent : CAIRO_PDF_OUTLINE_ROOT,
                                              placement->block->outline, link, 0);
          if (!placement->block->outline_child)
            parent = id;
        }
    }
}

GBytes *
obeya_audit_report_render_pdf (ObeyaAuditReport  *self,
                               GError           **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (OBEYA_IS_AUDIT_REPORT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  surface = cairo_pdf_surface_create_for_stream (append_bytes_cb, bytes, self->page_width,
                                                 self->page_height);
  /* Translators: the title of the 5S report's PDF: "5S audit: AP team desks, 3 November
   * 2026" */
  {
    g_autofree char *date = format_day (self->content->date, FALSE);

    title = g_strdup_printf (_("5S audit: %s, %s"), self->content->area, date);
  }
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  if (self->content->auditor != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->content->auditor);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Obeya");

  cr = cairo_create (surface);
  for (guint p = 0; p < self->pages->len; p++)
    {
      obeya_audit_report_draw_page (self, cr, p);
      cairo_show_page (cr);
    }
  add_outline (self, surface);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not draw the report: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

gboolean
obeya_audit_report_write_pdf (ObeyaAuditReport  *self,
                              const char        *path,
                              GError           **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (OBEYA_IS_AUDIT_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = obeya_audit_report_render_pdf (self, error);
  return bytes != NULL && obeya_file_save (path, bytes, NULL, 0, NULL, error);
}

/* ---- queries ------------------------------------------------------------------------ */

double
obeya_audit_report_get_page_width (ObeyaAuditReport *self)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT_REPORT (self), 0.);
  return self->page_width;
}

double
obeya_audit_report_get_page_height (ObeyaAuditReport *self)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT_REPORT (self), 0.);
  return self->page_height;
}

guint
obeya_audit_report_get_n_pages (ObeyaAuditReport *self)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT_REPORT (self), 0);
  return self->pages->len;
}

gboolean
obeya_audit_report_get_item_pages (ObeyaAuditReport *self,
                                   const char       *item_id,
                                   guint            *first_page,
                                   guint            *last_page)
{
  guint value;

  g_return_val_if_fail (OBEYA_IS_AUDIT_REPORT (self), FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);

  value = GPOINTER_TO_UINT (g_hash_table_lookup (self->item_pages, item_id));
  if (value == 0)
    return FALSE;
  if (first_page != NULL)
    *first_page = (value & 0xffff) - 1;
  if (last_page != NULL)
    *last_page = (value >> 16) - 1;
  return TRUE;
}

static void
append_element_text (GString       *text,
                     const Element *element)
{
  if (element->kind != ELEMENT_TEXT)
    return;
  g_string_append (text, pango_layout_get_text (element->layout));
  g_string_append_c (text, '\n');
}

char *
obeya_audit_report_dup_page_text (ObeyaAuditReport *self,
                                  guint             page)
{
  g_autoptr(GArray) margins = NULL;
  GString *text;
  GArray *placements;

  g_return_val_if_fail (OBEYA_IS_AUDIT_REPORT (self), NULL);
  g_return_val_if_fail (page < self->pages->len, NULL);

  text = g_string_new (NULL);
  margins = make_margins (self, page);
  for (guint i = 0; i < margins->len; i++)
    append_element_text (text, &g_array_index (margins, Element, i));

  placements = self->pages->pdata[page];
  for (guint i = 0; i < placements->len; i++)
    {
      const Placement *placement = &g_array_index (placements, Placement, i);
      Block *block = placement->block;

      for (guint k = 0; k < block->elements->len; k++)
        {
          const Element *element = &g_array_index (block->elements, Element, k);

          /* A piece of an oversized block: only the text within it. */
          if (element->y + element->height > placement->from + 0.01 &&
              element->y < placement->to - 0.01)
            append_element_text (text, element);
        }
    }
  return g_string_free (text, FALSE);
}

/* ---- the object ---------------------------------------------------------------------- */

static void
obeya_audit_report_finalize (GObject *object)
{
  ObeyaAuditReport *self = OBEYA_AUDIT_REPORT (object);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->repeats, g_ptr_array_unref);
  g_clear_pointer (&self->item_pages, g_hash_table_unref);
  g_clear_pointer (&self->content, content_free);

  G_OBJECT_CLASS (obeya_audit_report_parent_class)->finalize (object);
}

static void
obeya_audit_report_dispose (GObject *object)
{
  ObeyaAuditReport *self = OBEYA_AUDIT_REPORT (object);

  g_clear_object (&self->radar);
  g_clear_object (&self->pango);

  G_OBJECT_CLASS (obeya_audit_report_parent_class)->dispose (object);
}

static void
obeya_audit_report_class_init (ObeyaAuditReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = obeya_audit_report_dispose;
  object_class->finalize = obeya_audit_report_finalize;
}

static void
obeya_audit_report_init (ObeyaAuditReport *self)
{
  cairo_font_options_t *options;

  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->repeats = g_ptr_array_new_with_free_func (block_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->item_pages = g_hash_table_new (g_str_hash, g_str_equal);

  /* Device-independent text: 72 dpi (a point is a unit), no hinting, so the
   * page breaks measured here hold on paper, in a PDF and in a PNG. */
  self->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->pango, 72.);
  pango_context_set_round_glyph_positions (self->pango, FALSE);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->pango, options);
  cairo_font_options_destroy (options);
}

ObeyaAuditReport *
obeya_audit_report_new (ObeyaAudits    *audits,
                        ObeyaAudit     *audit,
                        ObeyaPaperSize  paper)
{
  ObeyaAuditReport *self;
  double width, height;

  g_return_val_if_fail (OBEYA_IS_AUDITS (audits), NULL);
  g_return_val_if_fail (OBEYA_IS_AUDIT (audit), NULL);

  self = g_object_new (OBEYA_TYPE_AUDIT_REPORT, NULL);
  self->content = read_content (audits, audit);
  self->radar = make_radar (self->content);
  obeya_paper_size_get_points (paper, &width, &height);
  obeya_audit_report_layout (self, width, height);
  return self;
}
