/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "obeya-five-s-bars.h"

#define BAR_WIDTH  6
#define BAR_GAP    3
#define BAR_HEIGHT 22

struct _ObeyaFiveSBars
{
  GtkWidget       parent_instance;

  ObeyaAuditScore score;
};

G_DEFINE_FINAL_TYPE (ObeyaFiveSBars, obeya_five_s_bars, GTK_TYPE_WIDGET)

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

static void
append_rounded (GtkSnapshot           *snapshot,
                const graphene_rect_t *rect,
                const GdkRGBA         *color)
{
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, rect, 2);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, rect);
  gtk_snapshot_pop (snapshot);
}

static void
obeya_five_s_bars_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  ObeyaFiveSBars *self = OBEYA_FIVE_S_BARS (widget);
  GdkRGBA fg = named_color (widget, "view_fg_color", "#000000");
  GdkRGBA accent = named_color (widget, "accent_color", "#3584e4");
  GdkRGBA track = fg;
  double height = gtk_widget_get_height (widget);
  double top = MAX (0, (height - BAR_HEIGHT) / 2);

  track.alpha = 0.12;
  fg.alpha = 0.45;
  for (guint s = 0; s < OBEYA_FIVE_S_N; s++)
    {
      const ObeyaScore *score = &self->score.s[s];
      double x = s * (BAR_WIDTH + BAR_GAP);
      graphene_rect_t rect = GRAPHENE_RECT_INIT (x, top, BAR_WIDTH, BAR_HEIGHT);

      append_rounded (snapshot, &rect, &track);
      if (score->has_score)
        {
          double filled = MAX (2, BAR_HEIGHT * CLAMP (score->percent, 0, 100) / 100);

          rect = GRAPHENE_RECT_INIT (x, top + BAR_HEIGHT - filled, BAR_WIDTH, filled);
          append_rounded (snapshot, &rect, &accent);
        }
      else
        {
          /* No score: a dash across the middle of the track. */
          rect = GRAPHENE_RECT_INIT (x + 1, top + BAR_HEIGHT / 2.0 - 1, BAR_WIDTH - 2, 2);
          gtk_snapshot_append_color (snapshot, &fg, &rect);
        }
    }
}

static void
obeya_five_s_bars_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = OBEYA_FIVE_S_N * BAR_WIDTH + (OBEYA_FIVE_S_N - 1) * BAR_GAP;
  else
    *minimum = *natural = BAR_HEIGHT;
}

static void
obeya_five_s_bars_class_init (ObeyaFiveSBarsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = obeya_five_s_bars_snapshot;
  widget_class->measure = obeya_five_s_bars_measure;
  gtk_widget_class_set_css_name (widget_class, "obeyafivesbars");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
obeya_five_s_bars_init (ObeyaFiveSBars *self)
{
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  obeya_five_s_bars_set_score (self, NULL);
}

GtkWidget *
obeya_five_s_bars_new (void)
{
  return g_object_new (OBEYA_TYPE_FIVE_S_BARS, NULL);
}

void
obeya_five_s_bars_set_score (ObeyaFiveSBars        *self,
                             const ObeyaAuditScore *score)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_if_fail (OBEYA_IS_FIVE_S_BARS (self));

  if (score != NULL)
    self->score = *score;
  else
    memset (&self->score, 0, sizeof self->score);

  for (guint s = 0; s < OBEYA_FIVE_S_N; s++)
    {
      g_autofree char *value = obeya_audit_score_format (&self->score.s[s]);

      if (s > 0)
        g_string_append (text, "\n");
      /* Translators: one line of a tooltip: an S ("Shine"), then its score ("75 %") */
      g_string_append_printf (text, _("%s: %s"), obeya_five_s_get_label (s), value);
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), text->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text->str,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
