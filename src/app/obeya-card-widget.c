/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The card face is one widget that lays out and draws its parts itself
 * (Pango layouts and snapshot nodes), instead of a tree of boxes, labels
 * and avatars. A GtkListView in GTK 4.8 keeps up to 200 rows per list and
 * rebinds all of them when a card is inserted at the top, so on a
 * 2,000-card board a bind must be nearly free: here it only swaps the card
 * and marks the layout stale; the layouts are built when measured or drawn.
 *
 * Colours come from the theme's named colours (light, dark), so the face
 * matches libadwaita. Tooltips are computed when asked for.
 */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "obeya-board.h"
#include "obeya-card.h"
#include "obeya-card-widget.h"
#include "obeya-dialog-util.h"
#include "obeya-person.h"
#include "obeya-tag.h"
#include "obeya-workspace.h"

#define MAX_AVATARS   3
#define MAX_TAGS      3
#define PAD_X         12.0
#define PAD_Y         10.0
#define EDGE          4.0   /* the class-of-service stripe */
#define SPACING       6.0
#define RADIUS        10.0
#define AVATAR        24.0
#define ICON          12.0
#define TAG_PAD_X     7.0
#define TAG_PAD_Y     1.0
#define META_GAP      10.0
#define SMALL_SCALE   0.85

typedef enum
{
  PART_NONE,
  PART_TITLE,
  PART_TAGS,
  PART_BLOCKED,
  PART_DUE,
  PART_CHECKLIST,
  PART_AGE,
  PART_AVATARS,
  N_PARTS
} Part;

typedef struct
{
  PangoLayout *layout;
  char        *color;   /* tag colour name */
  double       x, width;
} TagPill;

/* Everything measured and drawn for one card at one width. It is kept on
 * the card itself (qdata), so when a list rebinds its rows to the cards they
 * already showed (GTK 4.8 rebinds every row after an insertion at the top),
 * nothing is laid out again. A signature of what is drawn decides whether a
 * kept layout is still right. */
typedef struct
{
  int              width;
  guint            serial;     /* of the Pango context (fonts) */
  guint            font;       /* hash of its font description: serials of two
                                * widgets' contexts can be equal, fonts not */
  guint64          signature;  /* of what is drawn */
  double           height;
  PangoLayout     *title;
  PangoLayout     *blocked;
  PangoLayout     *due;
  PangoLayout     *checklist;
  PangoLayout     *age;
  PangoLayout     *more_people_layout;
  GArray          *tags;       /* of TagPill */
  gboolean         more_tags;
  GPtrArray       *initials;   /* char*: up to MAX_AVATARS */
  GPtrArray       *avatar_colors; /* const char*: obeya_person_color()'s palette */
  guint32          avatar_dark;   /* bit i: dark initials on avatar i */
  double           avatar;     /* diameter: AVATAR, more when the type is larger */
  guint            more_people;
  gboolean         overdue, due_soon;
  graphene_rect_t  rects[N_PARTS];
} FaceLayout;

struct _ObeyaCardWidget
{
  GtkWidget          parent_instance;

  ObeyaCard         *card;
  gulong             notify_id;
  ObeyaDropPosition  drop;
  gboolean           stale;
  FaceLayout        *face;      /* a reference */
};

G_DEFINE_FINAL_TYPE (ObeyaCardWidget, obeya_card_widget, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CARD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tag_pill_clear (gpointer data)
{
  TagPill *pill = data;

  g_clear_object (&pill->layout);
  g_clear_pointer (&pill->color, g_free);
}

char *
obeya_format_due_date (ObeyaDay due,
                       ObeyaDay today)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d, this_year;

  if (due == today)
    return g_strdup (_("Today"));
  if (due == today + 1)
    return g_strdup (_("Tomorrow"));
  if (due == today - 1)
    return g_strdup (_("Yesterday"));

  obeya_day_to_ymd (due, &y, &m, &d);
  obeya_day_to_ymd (today, &this_year, NULL, NULL);
  dt = g_date_time_new_local (y, m, d, 0, 0, 0);
  if (dt == NULL)
    return obeya_day_to_string (due);
  if (y == this_year)
    /* Translators: short date on a card face, "28 Nov" (strftime format) */
    return g_date_time_format (dt, _("%-d %b"));
  /* Translators: short date with the year, "28 Nov 2027" (strftime format) */
  return g_date_time_format (dt, _("%-d %b %Y"));
}

/* ---- colours ------------------------------------------------------------- */

static GdkRGBA
named_color (GtkWidget  *widget,
             const char *name,
             const char *fallback)
{
  GdkRGBA rgba;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, &rgba))
G_GNUC_END_IGNORE_DEPRECATIONS
    gdk_rgba_parse (&rgba, fallback);
  return rgba;
}

static GdkRGBA
with_alpha (GdkRGBA color,
            double  alpha)
{
  color.alpha *= alpha;
  return color;
}

static const char *
tag_color_name (const char *color)
{
  static const struct { const char *tag, *palette; } map[] = {
    { "blue", "blue_3" }, { "green", "green_4" }, { "yellow", "yellow_5" },
    { "orange", "orange_4" }, { "red", "red_3" }, { "purple", "purple_3" },
    { "brown", "brown_3" }, { "grey", "light_5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_strcmp0 (map[i].tag, color) == 0)
      return map[i].palette;
  return "blue_3";
}

/* ---- layout -------------------------------------------------------------- */

static PangoLayout *
make_layout (ObeyaCardWidget *self,
             const char      *text,
             double           scale,
             PangoWeight      weight)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  if (scale != 1.0)
    pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  if (weight != PANGO_WEIGHT_NORMAL)
    pango_attr_list_insert (attrs, pango_attr_weight_new (weight));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_pixel_size (layout, NULL, &h);
  return h;
}

static double
layout_width (PangoLayout *layout)
{
  int w;

  pango_layout_get_pixel_size (layout, &w, NULL);
  return w;
}

static void
face_layout_clear (gpointer data)
{
  FaceLayout *face = data;

  g_clear_object (&face->title);
  g_clear_object (&face->blocked);
  g_clear_object (&face->due);
  g_clear_object (&face->checklist);
  g_clear_object (&face->age);
  g_clear_object (&face->more_people_layout);
  g_clear_pointer (&face->tags, g_array_unref);
  g_clear_pointer (&face->initials, g_ptr_array_unref);
  g_clear_pointer (&face->avatar_colors, g_ptr_array_unref);
}

static void
face_layout_unref (FaceLayout *face)
{
  g_rc_box_release_full (face, face_layout_clear);
}

static GQuark
face_quark (void)
{
  return g_quark_from_static_string ("obeya-card-face-layout");
}

static guint64
hash_mix (guint64     hash,
          const void *data,
          gsize       length)
{
  const guchar *p = data;

  for (gsize i = 0; i < length; i++)
    hash = (hash ^ p[i]) * 1099511628211ULL;
  return hash;
}

static guint64
hash_string (guint64     hash,
             const char *text)
{
  return text ? hash_mix (hash, text, strlen (text) + 1) : hash_mix (hash, "", 1);
}

/* A hash of everything the face shows: when it is unchanged, so is the face. */
static guint64
face_signature (ObeyaCard *card,
                ObeyaDay   today)
{
  ObeyaWorkspace *workspace = obeya_entity_get_workspace (OBEYA_ENTITY (card));
  const char * const *ids;
  guint64 hash = 14695981039346656037ULL;
  ObeyaDay due = obeya_card_get_due (card);
  int klass = obeya_card_get_class_of_service (card);
  guint values[5];

  hash = hash_string (hash, obeya_card_get_title (card));
  ids = obeya_card_get_tags (card);
  for (guint i = 0; workspace && ids != NULL && ids[i] != NULL; i++)
    {
      ObeyaTag *tag = obeya_workspace_find_tag (workspace, ids[i]);
      hash = hash_string (hash, tag ? obeya_tag_get_name (tag) : NULL);
      hash = hash_string (hash, tag ? obeya_tag_get_color (tag) : NULL);
    }
  ids = obeya_card_get_assignees (card);
  for (guint i = 0; workspace && ids != NULL && ids[i] != NULL; i++)
    {
      ObeyaPerson *person = obeya_workspace_find_person (workspace, ids[i]);
      hash = hash_string (hash, person ? obeya_person_get_name (person) : NULL);
    }
  hash = hash_string (hash, obeya_card_get_blocked (card) ? obeya_card_get_blocked_reason (card)
                                                          : "\1");
  values[0] = obeya_card_get_blocked (card)
              ? obeya_timestamp_get_day (obeya_card_get_blocked_since (card)) : 0;
  values[1] = obeya_card_get_checklist_done (card);
  values[2] = obeya_card_get_checklist_total (card);
  values[3] = obeya_card_get_age_days (card, today);
  values[4] = obeya_card_is_done (card);
  hash = hash_mix (hash, values, sizeof values);
  hash = hash_mix (hash, &due, sizeof due);
  hash = hash_mix (hash, &klass, sizeof klass);
  hash = hash_mix (hash, &today, sizeof today);
  return hash;
}

static void build_face (ObeyaCardWidget *self,
                        FaceLayout      *face,
                        int              width);

static guint
context_font (PangoContext *context)
{
  return pango_font_description_hash (pango_context_get_font_description (context));
}

/* Makes self->face right for @width: kept as is, taken from the card, or built. */
static void
ensure_layout (ObeyaCardWidget *self,
               int              width)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  guint serial = pango_context_get_serial (context);
  guint font = context_font (context);
  FaceLayout *kept;
  guint64 signature;

  if (self->card == NULL)
    return;
  if (!self->stale && self->face != NULL && self->face->width == width &&
      self->face->serial == serial && self->face->font == font)
    return;

  self->stale = FALSE;
  signature = face_signature (self->card, obeya_day_today ());
  kept = g_object_get_qdata (G_OBJECT (self->card), face_quark ());
  /* Another widget's face of this card (a recycled row, the stand-up's
   * larger type): only in the same font. */
  if (kept != NULL && kept->width == width && kept->font == font &&
      kept->signature == signature)
    {
      if (self->face != kept)
        {
          g_clear_pointer (&self->face, face_layout_unref);
          self->face = g_rc_box_acquire (kept);
        }
      return;
    }

  g_clear_pointer (&self->face, face_layout_unref);
  self->face = g_rc_box_new0 (FaceLayout);
  self->face->width = width;
  self->face->serial = serial;
  self->face->font = font;
  self->face->signature = signature;
  build_face (self, self->face, width);
  g_object_set_qdata_full (G_OBJECT (self->card), face_quark (), g_rc_box_acquire (self->face),
                           (GDestroyNotify) face_layout_unref);
}

/* Builds every layout for a face @width wide and records where each part goes. */
static void
build_face (ObeyaCardWidget *self,
            FaceLayout      *face,
            int              width)
{
  ObeyaWorkspace *workspace;
  ObeyaDay today;
  double content_x = EDGE + PAD_X;
  double content_w = MAX (40, width - content_x - PAD_X);
  double y = PAD_Y;
  const char * const *ids;
  double meta_h = 0, x;
  guint total;

  face->tags = g_array_new (FALSE, TRUE, sizeof (TagPill));
  g_array_set_clear_func (face->tags, tag_pill_clear);
  face->initials = g_ptr_array_new_with_free_func (g_free);
  face->avatar_colors = g_ptr_array_new ();

  workspace = obeya_entity_get_workspace (OBEYA_ENTITY (self->card));
  today = obeya_day_today ();

  /* Tags: pills in one line, "…" when more do not fit. */
  ids = obeya_card_get_tags (self->card);
  x = content_x;
  for (guint i = 0; workspace != NULL && ids != NULL && ids[i] != NULL; i++)
    {
      ObeyaTag *tag = obeya_workspace_find_tag (workspace, ids[i]);
      TagPill pill = { NULL, NULL, 0, 0 };

      if (tag == NULL)
        continue;
      if (face->tags->len == MAX_TAGS)
        {
          face->more_tags = TRUE;
          break;
        }
      pill.layout = make_layout (self, obeya_tag_get_name (tag), 0.75, PANGO_WEIGHT_BOLD);
      pango_layout_set_ellipsize (pill.layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_width (pill.layout, (int) (content_w * 0.6) * PANGO_SCALE);
      pill.color = g_strdup (obeya_tag_get_color (tag));
      pill.width = layout_width (pill.layout) + 2 * TAG_PAD_X;
      if (x + pill.width > content_x + content_w && face->tags->len > 0)
        {
          tag_pill_clear (&pill);
          face->more_tags = TRUE;
          break;
        }
      pill.x = x;
      x += pill.width + 4;
      g_array_append_val (face->tags, pill);
    }
  if (face->tags->len > 0)
    {
      TagPill *first = &g_array_index (face->tags, TagPill, 0);
      double h = layout_height (first->layout) + 2 * TAG_PAD_Y;

      face->rects[PART_TAGS] = GRAPHENE_RECT_INIT (content_x, y, x - content_x, h);
      y += h + SPACING;
    }

  /* Title: up to three lines. */
  face->title = make_layout (self, obeya_card_get_title (self->card), 1.0, PANGO_WEIGHT_SEMIBOLD);
  pango_layout_set_width (face->title, (int) content_w * PANGO_SCALE);
  pango_layout_set_wrap (face->title, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (face->title, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (face->title, -3);
  face->rects[PART_TITLE] = GRAPHENE_RECT_INIT (content_x, y, content_w, layout_height (face->title));
  y += layout_height (face->title);

  /* Blocked: the reason and for how long. */
  if (obeya_card_get_blocked (self->card))
    {
      ObeyaDay since = obeya_timestamp_get_day (obeya_card_get_blocked_since (self->card));
      /* Days elapsed, as the card editor's "since" says it (not the
       * inclusive count of flow metrics: blocked this morning is "today"). */
      guint days = today > since ? today - since : 0;
      const char *reason = obeya_card_get_blocked_reason (self->card);
      g_autofree char *text = NULL;

      if (reason != NULL && days == 0)
        /* Translators: blocked reason, on a card, when blocked today */
        text = g_strdup_printf (_("%s (since today)"), reason);
      else if (reason != NULL)
        /* Translators: blocked reason and for how many days, on a card */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%u day)", "%s (%u days)", days),
                                reason, days);
      else if (days == 0)
        text = g_strdup (_("Blocked since today"));
      else
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Blocked (%u day)",
                                             "Blocked (%u days)", days), days);
      face->blocked = make_layout (self, text, SMALL_SCALE, PANGO_WEIGHT_BOLD);
      pango_layout_set_width (face->blocked, (int) (content_w - ICON - 6) * PANGO_SCALE);
      pango_layout_set_wrap (face->blocked, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (face->blocked, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (face->blocked, -2);
      y += SPACING;
      face->rects[PART_BLOCKED] = GRAPHENE_RECT_INIT (content_x, y, content_w,
                                                      layout_height (face->blocked));
      y += layout_height (face->blocked);
    }

  /* Meta line: due date, checklist, age; the assignees on the right. */
  x = content_x;
  if (obeya_card_get_due (self->card) != OBEYA_DAY_NONE)
    {
      g_autofree char *text = obeya_format_due_date (obeya_card_get_due (self->card), today);

      face->overdue = obeya_card_is_overdue (self->card, today);
      face->due_soon = obeya_card_is_due_soon (self->card, today);
      face->due = make_layout (self, text, SMALL_SCALE,
                               face->overdue || face->due_soon ? PANGO_WEIGHT_BOLD
                                                               : PANGO_WEIGHT_NORMAL);
      face->rects[PART_DUE] = GRAPHENE_RECT_INIT (x, 0, ICON + 3 + layout_width (face->due), 0);
      x += face->rects[PART_DUE].size.width + META_GAP;
      meta_h = MAX (meta_h, layout_height (face->due));
    }
  total = obeya_card_get_checklist_total (self->card);
  if (total > 0)
    {
      g_autofree char *text = g_strdup_printf ("%u/%u", obeya_card_get_checklist_done (self->card),
                                               total);

      face->checklist = make_layout (self, text, SMALL_SCALE, PANGO_WEIGHT_NORMAL);
      face->rects[PART_CHECKLIST] = GRAPHENE_RECT_INIT (x, 0, ICON + 3 +
                                                        layout_width (face->checklist), 0);
      x += face->rects[PART_CHECKLIST].size.width + META_GAP;
      meta_h = MAX (meta_h, layout_height (face->checklist));
    }
  {
    guint age = obeya_card_get_age_days (self->card, today);

    if (age > 0 && !obeya_card_is_done (self->card))
      {
        /* Translators: card age in days, compact: "5d" */
        g_autofree char *text = g_strdup_printf (_("%ud"), age);

        face->age = make_layout (self, text, SMALL_SCALE, PANGO_WEIGHT_NORMAL);
        face->rects[PART_AGE] = GRAPHENE_RECT_INIT (x, 0, ICON + 3 + layout_width (face->age), 0);
        meta_h = MAX (meta_h, layout_height (face->age));
      }
  }
  ids = obeya_card_get_assignees (self->card);
  for (guint i = 0; workspace != NULL && ids != NULL && ids[i] != NULL; i++)
    {
      ObeyaPerson *person = obeya_workspace_find_person (workspace, ids[i]);

      if (person == NULL)
        continue;
      if (face->initials->len < MAX_AVATARS)
        {
          const char *palette;
          gboolean dark_ink;

          obeya_person_color (obeya_person_get_name (person), &palette, &dark_ink);
          if (dark_ink)
            face->avatar_dark |= 1u << face->initials->len;
          g_ptr_array_add (face->initials, g_strdup (obeya_person_get_initials (person)));
          g_ptr_array_add (face->avatar_colors, (gpointer) palette);
        }
      else
        face->more_people++;
    }
  if (face->initials->len > 0)
    {
      g_autoptr(PangoLayout) widest = make_layout (self, "MW", 0.7, PANGO_WEIGHT_BOLD);
      double w;

      /* Initials fit their circle at any type size (the stand-up's is large). */
      face->avatar = MAX (AVATAR, ceil (MAX (layout_width (widest), layout_height (widest)) + 6));
      w = face->avatar + (face->initials->len - 1) * (face->avatar - 4);

      if (face->more_people > 0)
        {
          g_autofree char *more = g_strdup_printf ("+%u", face->more_people);
          face->more_people_layout = make_layout (self, more, SMALL_SCALE, PANGO_WEIGHT_NORMAL);
          w += 4 + layout_width (face->more_people_layout);
        }
      face->rects[PART_AVATARS] = GRAPHENE_RECT_INIT (content_x + content_w - w, 0, w,
                                                      face->avatar);
      meta_h = MAX (meta_h, face->avatar);
    }

  if (meta_h > 0)
    {
      double text_h = 0, text_end = content_x;

      for (Part part = PART_DUE; part < PART_AVATARS; part++)
        if (face->rects[part].size.width > 0)
          text_end = face->rects[part].origin.x + face->rects[part].size.width;
      if (face->due != NULL)
        text_h = MAX (text_h, layout_height (face->due));
      if (face->checklist != NULL)
        text_h = MAX (text_h, layout_height (face->checklist));
      if (face->age != NULL)
        text_h = MAX (text_h, layout_height (face->age));

      y += SPACING;
      if (face->initials->len > 0 && text_h > 0 &&
          text_end + META_GAP > face->rects[PART_AVATARS].origin.x)
        {
          /* A narrow card (the stand-up on a small screen): the assignees
           * get a line of their own rather than cover the dates. */
          for (Part part = PART_DUE; part < PART_AVATARS; part++)
            if (face->rects[part].size.width > 0)
              {
                face->rects[part].origin.y = y;
                face->rects[part].size.height = text_h;
              }
          y += text_h + SPACING / 2;
          face->rects[PART_AVATARS].origin.y = y;
          face->rects[PART_AVATARS].size.height = face->avatar;
          y += face->avatar;
        }
      else
        {
          for (Part part = PART_DUE; part <= PART_AVATARS; part++)
            if (face->rects[part].size.width > 0)
              {
                face->rects[part].origin.y = y;
                face->rects[part].size.height = meta_h;
              }
          y += meta_h;
        }
    }

  face->height = y + PAD_Y;
}

static void
mark_stale (ObeyaCardWidget *self)
{
  self->stale = TRUE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* ---- drawing ------------------------------------------------------------- */

static void
append_rounded (GtkSnapshot           *snapshot,
                const graphene_rect_t *rect,
                double                 radius,
                const GdkRGBA         *color)
{
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, rect, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, rect);
  gtk_snapshot_pop (snapshot);
}

static void
append_layout_at (GtkSnapshot   *snapshot,
                  PangoLayout   *layout,
                  double         x,
                  double         y,
                  const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* Small vector icons, drawn with rectangles so they stay crisp and cheap. */
static void
append_icon (GtkSnapshot   *snapshot,
             Part           part,
             double         x,
             double         cy,
             const GdkRGBA *color)
{
  double y = cy - ICON / 2;

  switch (part)
    {
    case PART_DUE: /* a calendar page */
      gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x + 1, y + 2, ICON - 2, 2.5));
      gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x + 1, y + 2, 1.2, ICON - 3));
      gtk_snapshot_append_color (snapshot, color,
                                 &GRAPHENE_RECT_INIT (x + ICON - 2.2, y + 2, 1.2, ICON - 3));
      gtk_snapshot_append_color (snapshot, color,
                                 &GRAPHENE_RECT_INIT (x + 1, y + ICON - 2, ICON - 2, 1.2));
      gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x + 3.5, y + 6, 2, 2));
      break;
    case PART_CHECKLIST: /* a tick */
      {
        GskRoundedRect dot;
        for (int i = 0; i < 4; i++)
          {
            gsk_rounded_rect_init_from_rect (&dot, &GRAPHENE_RECT_INIT (x + 1 + i * 1.4,
                                                                        cy + i * 1.1 - 1, 1.8, 1.8),
                                             0.9);
            gtk_snapshot_push_rounded_clip (snapshot, &dot);
            gtk_snapshot_append_color (snapshot, color, &dot.bounds);
            gtk_snapshot_pop (snapshot);
          }
        for (int i = 0; i < 6; i++)
          {
            gsk_rounded_rect_init_from_rect (&dot, &GRAPHENE_RECT_INIT (x + 5.2 + i * 1.2,
                                                                        cy + 2.3 - i * 1.45, 1.8, 1.8),
                                             0.9);
            gtk_snapshot_push_rounded_clip (snapshot, &dot);
            gtk_snapshot_append_color (snapshot, color, &dot.bounds);
            gtk_snapshot_pop (snapshot);
          }
      }
      break;
    case PART_AGE: /* a clock */
      {
        GskRoundedRect ring;
        float widths[4] = { 1.2, 1.2, 1.2, 1.2 };
        GdkRGBA colors[4] = { *color, *color, *color, *color };

        gsk_rounded_rect_init_from_rect (&ring, &GRAPHENE_RECT_INIT (x, y, ICON, ICON), ICON / 2);
        gtk_snapshot_append_border (snapshot, &ring, widths, colors);
        gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x + ICON / 2 - 0.6, y + 2.5,
                                                                         1.2, ICON / 2 - 2));
        gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x + ICON / 2 - 0.6,
                                                                         y + ICON / 2 - 0.6,
                                                                         3, 1.2));
      }
      break;
    default:
      break;
    }
}

static void
obeya_card_widget_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  ObeyaCardWidget *self = OBEYA_CARD_WIDGET (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  GdkRGBA bg = named_color (widget, "card_bg_color", "#ffffff");
  GdkRGBA fg = named_color (widget, "card_fg_color", "rgba(0,0,0,0.8)");
  GdkRGBA shade = named_color (widget, "card_shade_color", "rgba(0,0,0,0.07)");
  GdkRGBA window_bg = named_color (widget, "window_bg_color", "#fafafa");
  GdkRGBA error = named_color (widget, "error_color", "#c01c28");
  GdkRGBA warning = named_color (widget, "warning_color", "#9c6e03");
  GdkRGBA accent = named_color (widget, "accent_color", "#1c71d8");
  GdkRGBA dim = with_alpha (fg, 0.7);
  GdkRGBA stripe;
  GskRoundedRect outline;
  float border_widths[4] = { 1, 1, 1, 1 };
  GdkRGBA border_colors[4];
  gboolean hover = (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_PRELIGHT) != 0;
  double meta_cy;

  FaceLayout *face;

  if (self->card == NULL || width <= 0 || height <= 0)
    return;
  ensure_layout (self, width);
  face = self->face;

  /* The card: background (tinted when blocked or hovered), hairline border,
   * a crisp shadow, and the class-of-service stripe on the left. */
  gsk_rounded_rect_init_from_rect (&outline, &bounds, RADIUS);
  append_rounded (snapshot, &GRAPHENE_RECT_INIT (0, 1, width, height), RADIUS, &shade);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);
  gtk_snapshot_append_color (snapshot, &window_bg, &bounds);
  gtk_snapshot_append_color (snapshot, &bg, &bounds);
  if (obeya_card_get_blocked (self->card))
    {
      GdkRGBA tint = with_alpha (error, 0.10);
      gtk_snapshot_append_color (snapshot, &tint, &bounds);
    }
  if (hover)
    {
      GdkRGBA tint = with_alpha (fg, 0.03);
      gtk_snapshot_append_color (snapshot, &tint, &bounds);
    }
  switch (obeya_card_get_class_of_service (self->card))
    {
    case OBEYA_CLASS_EXPEDITE:
      stripe = error;
      break;
    case OBEYA_CLASS_FIXED_DATE:
      stripe = accent;
      break;
    case OBEYA_CLASS_INTANGIBLE:
      stripe = with_alpha (fg, 0.35);
      break;
    default:
      stripe = shade;
      break;
    }
  gtk_snapshot_append_color (snapshot, &stripe, &GRAPHENE_RECT_INIT (0, 0, EDGE, height));
  gtk_snapshot_pop (snapshot);
  for (int i = 0; i < 4; i++)
    border_colors[i] = shade;
  gtk_snapshot_append_border (snapshot, &outline, border_widths, border_colors);

  /* Tags. */
  for (guint i = 0; i < face->tags->len; i++)
    {
      TagPill *pill = &g_array_index (face->tags, TagPill, i);
      graphene_rect_t rect = GRAPHENE_RECT_INIT (pill->x, face->rects[PART_TAGS].origin.y,
                                                 pill->width, face->rects[PART_TAGS].size.height);
      GdkRGBA color = with_alpha (named_color (widget, tag_color_name (pill->color), "#3584e4"), 0.28);

      append_rounded (snapshot, &rect, rect.size.height / 2, &color);
      append_layout_at (snapshot, pill->layout, pill->x + TAG_PAD_X, rect.origin.y + TAG_PAD_Y, &fg);
    }
  if (face->more_tags && face->tags->len > 0)
    {
      TagPill *last = &g_array_index (face->tags, TagPill, face->tags->len - 1);
      g_autoptr(PangoLayout) dots = make_layout (self, "…", 0.75, PANGO_WEIGHT_BOLD);

      append_layout_at (snapshot, dots, last->x + last->width + 4,
                        face->rects[PART_TAGS].origin.y + TAG_PAD_Y, &dim);
    }

  /* Title. */
  append_layout_at (snapshot, face->title, face->rects[PART_TITLE].origin.x,
                    face->rects[PART_TITLE].origin.y, &fg);

  /* Blocked: a "no entry" sign and the reason, in the error colour. */
  if (face->blocked != NULL)
    {
      const graphene_rect_t *r = &face->rects[PART_BLOCKED];
      GskRoundedRect ring;
      float widths[4] = { 1.6, 1.6, 1.6, 1.6 };
      GdkRGBA colors[4] = { error, error, error, error };
      double cy = r->origin.y + MIN (r->size.height, 16) / 2;

      gsk_rounded_rect_init_from_rect (&ring, &GRAPHENE_RECT_INIT (r->origin.x, cy - ICON / 2,
                                                                    ICON, ICON), ICON / 2);
      gtk_snapshot_append_border (snapshot, &ring, widths, colors);
      gtk_snapshot_append_color (snapshot, &error,
                                 &GRAPHENE_RECT_INIT (r->origin.x + 2.5, cy - 0.8, ICON - 5, 1.6));
      append_layout_at (snapshot, face->blocked, r->origin.x + ICON + 6, r->origin.y, &error);
    }

  /* Meta line. */
  meta_cy = 0;
  for (Part part = PART_DUE; part <= PART_AGE; part++)
    {
      const graphene_rect_t *r = &face->rects[part];
      PangoLayout *layout = part == PART_DUE ? face->due
                            : part == PART_CHECKLIST ? face->checklist : face->age;
      GdkRGBA color = dim;

      if (layout == NULL)
        continue;
      if (part == PART_DUE && face->overdue)
        color = error;
      else if (part == PART_DUE && face->due_soon)
        color = warning;
      meta_cy = r->origin.y + r->size.height / 2;
      append_icon (snapshot, part, r->origin.x, meta_cy, &color);
      append_layout_at (snapshot, layout, r->origin.x + ICON + 3,
                        meta_cy - layout_height (layout) / 2, &color);
    }

  /* Assignees: initials on coloured circles, overlapping a little. */
  if (face->initials->len > 0)
    {
      const graphene_rect_t *r = &face->rects[PART_AVATARS];
      GdkRGBA white = { 1, 1, 1, 1 }, ink = { 0, 0, 0, 0.8 };
      double x = r->origin.x;
      double cy = r->origin.y + r->size.height / 2;

      for (guint i = 0; i < face->initials->len; i++)
        {
          double d = face->avatar;
          graphene_rect_t circle = GRAPHENE_RECT_INIT (x, cy - d / 2, d, d);
          GdkRGBA color = named_color (widget, face->avatar_colors->pdata[i], "#3584e4");
          g_autoptr(PangoLayout) text = make_layout (self, face->initials->pdata[i], 0.7,
                                                     PANGO_WEIGHT_BOLD);
          GskRoundedRect ring;
          float widths[4] = { 1.5, 1.5, 1.5, 1.5 };
          GdkRGBA ring_colors[4] = { bg, bg, bg, bg };

          append_rounded (snapshot, &circle, d / 2, &color);
          gsk_rounded_rect_init_from_rect (&ring, &circle, d / 2);
          gtk_snapshot_append_border (snapshot, &ring, widths, ring_colors);
          append_layout_at (snapshot, text, x + (d - layout_width (text)) / 2,
                            cy - layout_height (text) / 2,
                            face->avatar_dark & (1u << i) ? &ink : &white);
          x += d - 4;
        }
      if (face->more_people_layout != NULL)
        append_layout_at (snapshot, face->more_people_layout, x + 8,
                          cy - layout_height (face->more_people_layout) / 2, &dim);
    }
}

/* ---- size ---------------------------------------------------------------- */

static GtkSizeRequestMode
obeya_card_widget_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
obeya_card_widget_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  ObeyaCardWidget *self = OBEYA_CARD_WIDGET (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = 260;
      return;
    }

  if (self->card == NULL)
    {
      *minimum = *natural = 0;
      return;
    }
  /* A height for no particular width (GTK asks before it allocates): any
   * face this card already has answers well enough, without laying out
   * again for a width the card will not get. */
  if (for_size < 0)
    {
      PangoContext *context = gtk_widget_get_pango_context (widget);
      guint serial = pango_context_get_serial (context);
      guint font = context_font (context);
      FaceLayout *kept = g_object_get_qdata (G_OBJECT (self->card), face_quark ());

      /* Only a face in this widget's type (the stand-up's is larger). */
      if (self->face != NULL && !self->stale && self->face->serial == serial &&
          self->face->font == font)
        kept = self->face;
      if (kept != NULL && kept->font == font)
        {
          *minimum = *natural = (int) ceil (kept->height);
          return;
        }
    }
  ensure_layout (self, for_size > 0 ? for_size : 260);
  *minimum = *natural = (int) ceil (self->face->height);
}

/* ---- tooltips ------------------------------------------------------------ */

static char *
tooltip_for (ObeyaCardWidget *self,
             Part             part)
{
  ObeyaDay today = obeya_day_today ();

  switch (part)
    {
    case PART_TITLE:
      return g_strdup (obeya_card_get_description (self->card));

    case PART_AVATARS:
      {
        ObeyaWorkspace *workspace = obeya_entity_get_workspace (OBEYA_ENTITY (self->card));
        const char * const *assignees = obeya_card_get_assignees (self->card);
        GString *names = g_string_new (NULL);

        for (guint i = 0; workspace && assignees != NULL && assignees[i] != NULL; i++)
          {
            ObeyaPerson *person = obeya_workspace_find_person (workspace, assignees[i]);

            if (person == NULL)
              continue;
            if (names->len > 0)
              g_string_append (names, ", ");
            g_string_append (names, obeya_person_get_name (person));
          }
        return g_string_free (names, names->len == 0);
      }

    case PART_DUE:
      {
        g_autofree char *date = obeya_day_to_string (obeya_card_get_due (self->card));

        if (obeya_card_is_overdue (self->card, today))
          /* Translators: tooltip of a card's due date */
          return g_strdup_printf (_("Overdue: due %s"), date);
        if (obeya_card_is_due_soon (self->card, today))
          return g_strdup_printf (_("Due soon: %s"), date);
        return g_strdup_printf (_("Due %s"), date);
      }

    case PART_CHECKLIST:
      {
        guint done = obeya_card_get_checklist_done (self->card);
        guint total = obeya_card_get_checklist_total (self->card);

        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u checklist item done",
                                             "%u of %u checklist items done", total), done, total);
      }

    case PART_AGE:
      {
        guint age = obeya_card_get_age_days (self->card, today);
        guint in_column = obeya_card_get_days_in_column (self->card, today);
        g_autofree char *age_part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                  "%u day since committed",
                                                                  "%u days since committed", age),
                                                     age);
        g_autofree char *column_part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                     "%u day in this column",
                                                                     "%u days in this column",
                                                                     in_column), in_column);

        return g_strdup_printf ("%s · %s", age_part, column_part);
      }

    case PART_BLOCKED:
      {
        g_autofree char *since = obeya_timestamp_to_string (obeya_card_get_blocked_since (self->card));
        double hours = obeya_card_get_blocked_seconds (self->card, obeya_timestamp_now ()) / 3600.0;

        /* Translators: tooltip of a blocked card: since when, total time blocked */
        return g_strdup_printf (_("Blocked since %s, %.1f hours blocked in all"),
                                since ? since : "?", hours);
      }

    default:
      return NULL;
    }
}

static gboolean
obeya_card_widget_query_tooltip (GtkWidget  *widget,
                                 int         x,
                                 int         y,
                                 gboolean    keyboard,
                                 GtkTooltip *tooltip)
{
  ObeyaCardWidget *self = OBEYA_CARD_WIDGET (widget);
  graphene_point_t point = GRAPHENE_POINT_INIT (x, y);

  if (self->card == NULL)
    return FALSE;
  ensure_layout (self, gtk_widget_get_width (widget));
  for (Part part = PART_TITLE; part < N_PARTS; part++)
    if (graphene_rect_contains_point (&self->face->rects[part], &point))
      {
        g_autofree char *text = tooltip_for (self, part);

        if (text == NULL || text[0] == '\0')
          return FALSE;
        gtk_tooltip_set_text (tooltip, text);
        return TRUE;
      }
  return FALSE;
}

/* ---- GObject ------------------------------------------------------------- */

static void
card_notify_cb (ObeyaCardWidget *self)
{
  mark_stale (self);
}

static void
obeya_card_widget_state_flags_changed (GtkWidget     *widget,
                                       GtkStateFlags  previous)
{
  GtkStateFlags now = gtk_widget_get_state_flags (widget);

  if ((now ^ previous) & GTK_STATE_FLAG_PRELIGHT)
    gtk_widget_queue_draw (widget);
  GTK_WIDGET_CLASS (obeya_card_widget_parent_class)->state_flags_changed (widget, previous);
}

static void
obeya_card_widget_dispose (GObject *object)
{
  ObeyaCardWidget *self = OBEYA_CARD_WIDGET (object);

  obeya_card_widget_set_card (self, NULL);
  g_clear_pointer (&self->face, face_layout_unref);

  G_OBJECT_CLASS (obeya_card_widget_parent_class)->dispose (object);
}

static void
obeya_card_widget_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ObeyaCardWidget *self = OBEYA_CARD_WIDGET (object);

  switch (prop_id)
    {
    case PROP_CARD:
      g_value_set_object (value, self->card);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_card_widget_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ObeyaCardWidget *self = OBEYA_CARD_WIDGET (object);

  switch (prop_id)
    {
    case PROP_CARD:
      obeya_card_widget_set_card (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_card_widget_class_init (ObeyaCardWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = obeya_card_widget_dispose;
  object_class->get_property = obeya_card_widget_get_property;
  object_class->set_property = obeya_card_widget_set_property;

  widget_class->snapshot = obeya_card_widget_snapshot;
  widget_class->measure = obeya_card_widget_measure;
  widget_class->get_request_mode = obeya_card_widget_get_request_mode;
  widget_class->query_tooltip = obeya_card_widget_query_tooltip;
  widget_class->state_flags_changed = obeya_card_widget_state_flags_changed;

  properties[PROP_CARD] =
    g_param_spec_object ("card", NULL, NULL, OBEYA_TYPE_CARD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "obeyacard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
obeya_card_widget_init (ObeyaCardWidget *self)
{
  self->stale = TRUE;
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
obeya_card_widget_new (void)
{
  return g_object_new (OBEYA_TYPE_CARD_WIDGET, NULL);
}

ObeyaCard *
obeya_card_widget_get_card (ObeyaCardWidget *self)
{
  g_return_val_if_fail (OBEYA_IS_CARD_WIDGET (self), NULL);
  return self->card;
}

void
obeya_card_widget_set_card (ObeyaCardWidget *self,
                            ObeyaCard       *card)
{
  g_return_if_fail (OBEYA_IS_CARD_WIDGET (self));

  if (self->card == card)
    return;

  if (self->card != NULL)
    {
      g_clear_signal_handler (&self->notify_id, self->card);
      g_clear_object (&self->card);
    }
  if (card != NULL)
    {
      self->card = g_object_ref (card);
      self->notify_id = g_signal_connect_swapped (card, "notify", G_CALLBACK (card_notify_cb), self);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      obeya_card_get_title (card), -1);
    }
  obeya_card_widget_set_drop_indicator (self, OBEYA_DROP_NONE);
  mark_stale (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CARD]);
}

void
obeya_card_widget_set_drop_indicator (ObeyaCardWidget   *self,
                                      ObeyaDropPosition  position)
{
  g_return_if_fail (OBEYA_IS_CARD_WIDGET (self));

  if (self->drop == position)
    return;
  self->drop = position;
  if (position == OBEYA_DROP_BEFORE)
    gtk_widget_add_css_class (GTK_WIDGET (self), "drop-before");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-before");
  if (position == OBEYA_DROP_AFTER)
    gtk_widget_add_css_class (GTK_WIDGET (self), "drop-after");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-after");
}
