/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "obeya-board.h"
#include "obeya-card.h"
#include "obeya-card-widget.h"
#include "obeya-person.h"
#include "obeya-tag.h"
#include "obeya-workspace.h"

#define MAX_AVATARS 3
#define MAX_TAGS    3

struct _ObeyaCardWidget
{
  GtkWidget  parent_instance;

  ObeyaCard *card;
  gulong     notify_id;

  GtkWidget *frame;
  GtkWidget *tags_box;
  GtkWidget *title_label;
  GtkWidget *blocked_box;
  GtkWidget *blocked_label;
  GtkWidget *meta_box;
  GtkWidget *due_box;
  GtkWidget *due_label;
  GtkWidget *checklist_box;
  GtkWidget *checklist_label;
  GtkWidget *age_label;
  GtkWidget *avatars_box;

  /* Pooled children: a bind only changes texts and visibility (lists bind
   * hundreds of rows when they fill, so no widget is made per bind). */
  GtkWidget *tag_labels[MAX_TAGS + 1];
  char      *tag_classes[MAX_TAGS];
  GtkWidget *avatars[MAX_AVATARS];
  GtkWidget *more_label;
};

G_DEFINE_FINAL_TYPE (ObeyaCardWidget, obeya_card_widget, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CARD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A CSS class change restyles the whole subtree: only when it changes. */
static void
set_class (GtkWidget  *widget,
           const char *css_class,
           gboolean    on)
{
  if (gtk_widget_has_css_class (widget, css_class) != on)
    {
      if (on)
        gtk_widget_add_css_class (widget, css_class);
      else
        gtk_widget_remove_css_class (widget, css_class);
    }
}

static void
set_text_if_changed (GtkWidget  *label,
                     const char *text)
{
  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) != 0)
    gtk_label_set_text (GTK_LABEL (label), text);
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

static void
update_tags (ObeyaCardWidget *self,
             ObeyaWorkspace  *workspace)
{
  const char * const *tags = obeya_card_get_tags (self->card);
  guint shown = 0;
  gboolean more = FALSE;

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      ObeyaTag *tag = workspace ? obeya_workspace_find_tag (workspace, tags[i]) : NULL;
      g_autofree char *color_class = NULL;
      GtkWidget *label;

      if (tag == NULL)
        continue;
      if (shown == MAX_TAGS)
        {
          more = TRUE;
          break;
        }
      label = self->tag_labels[shown];
      set_text_if_changed (label, obeya_tag_get_name (tag));
      color_class = g_strdup_printf ("tag-%s", obeya_tag_get_color (tag) ? obeya_tag_get_color (tag)
                                                                         : "blue");
      if (g_strcmp0 (self->tag_classes[shown], color_class) != 0)
        {
          if (self->tag_classes[shown] != NULL)
            gtk_widget_remove_css_class (label, self->tag_classes[shown]);
          gtk_widget_add_css_class (label, color_class);
          g_free (self->tag_classes[shown]);
          self->tag_classes[shown] = g_steal_pointer (&color_class);
        }
      gtk_widget_set_visible (label, TRUE);
      shown++;
    }
  for (guint i = shown; i < MAX_TAGS; i++)
    gtk_widget_set_visible (self->tag_labels[i], FALSE);
  gtk_widget_set_visible (self->tag_labels[MAX_TAGS], more);
  gtk_widget_set_visible (self->tags_box, shown > 0);
}

static void
update_avatars (ObeyaCardWidget *self,
                ObeyaWorkspace  *workspace)
{
  const char * const *assignees = obeya_card_get_assignees (self->card);
  guint n = 0;

  for (guint i = 0; assignees != NULL && assignees[i] != NULL; i++)
    {
      ObeyaPerson *person = workspace ? obeya_workspace_find_person (workspace, assignees[i]) : NULL;

      if (person == NULL)
        continue;
      if (n < MAX_AVATARS)
        {
          if (g_strcmp0 (adw_avatar_get_text (ADW_AVATAR (self->avatars[n])),
                         obeya_person_get_name (person)) != 0)
            adw_avatar_set_text (ADW_AVATAR (self->avatars[n]), obeya_person_get_name (person));
          gtk_widget_set_visible (self->avatars[n], TRUE);
        }
      n++;
    }
  for (guint i = n; i < MAX_AVATARS; i++)
    gtk_widget_set_visible (self->avatars[i], FALSE);
  if (n > MAX_AVATARS)
    {
      g_autofree char *more = g_strdup_printf ("+%u", n - MAX_AVATARS);
      set_text_if_changed (self->more_label, more);
    }
  gtk_widget_set_visible (self->more_label, n > MAX_AVATARS);
}

static void
obeya_card_widget_update (ObeyaCardWidget *self)
{
  ObeyaWorkspace *workspace;
  ObeyaDay today = obeya_day_today ();
  ObeyaDay due;
  guint total, age;
  static const char *cos_classes[] = { NULL, "cos-expedite", "cos-fixed-date", "cos-intangible" };

  if (self->card == NULL)
    return;

  workspace = obeya_entity_get_workspace (OBEYA_ENTITY (self->card));

  set_text_if_changed (self->title_label, obeya_card_get_title (self->card));

  /* Class of service as a coloured edge. */
  for (guint i = 1; i < G_N_ELEMENTS (cos_classes); i++)
    set_class (self->frame, cos_classes[i], i == obeya_card_get_class_of_service (self->card));

  /* Blocked. */
  if (obeya_card_get_blocked (self->card))
    {
      ObeyaDay since = obeya_timestamp_get_day (obeya_card_get_blocked_since (self->card));
      guint days = today >= since ? today - since + 1 : 1;
      const char *reason = obeya_card_get_blocked_reason (self->card);
      g_autofree char *text = NULL;

      if (reason != NULL)
        /* Translators: blocked reason and for how many days, on a card */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%u day)", "%s (%u days)", days),
                                reason, days);
      else
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Blocked (%u day)",
                                             "Blocked (%u days)", days), days);
      set_text_if_changed (self->blocked_label, text);
    }
  set_class (self->frame, "blocked", obeya_card_get_blocked (self->card));
  gtk_widget_set_visible (self->blocked_box, obeya_card_get_blocked (self->card));

  /* Due date. */
  due = obeya_card_get_due (self->card);
  set_class (self->due_box, "overdue", obeya_card_is_overdue (self->card, today));
  set_class (self->due_box, "due-soon", obeya_card_is_due_soon (self->card, today));
  if (due != OBEYA_DAY_NONE)
    {
      g_autofree char *text = obeya_format_due_date (due, today);

      set_text_if_changed (self->due_label, text);
    }
  gtk_widget_set_visible (self->due_box, due != OBEYA_DAY_NONE);

  /* Checklist. */
  total = obeya_card_get_checklist_total (self->card);
  if (total > 0)
    {
      g_autofree char *text = g_strdup_printf ("%u/%u", obeya_card_get_checklist_done (self->card),
                                               total);
      set_text_if_changed (self->checklist_label, text);
    }
  gtk_widget_set_visible (self->checklist_box, total > 0);

  /* Age: since commitment and in this column. */
  age = obeya_card_get_age_days (self->card, today);
  if (age > 0 && !obeya_card_is_done (self->card))
    {
      /* Translators: card age in days, compact: "5d" */
      g_autofree char *text = g_strdup_printf (_("%ud"), age);

      set_text_if_changed (self->age_label, text);
      gtk_widget_set_visible (self->age_label, TRUE);
    }
  else
    gtk_widget_set_visible (self->age_label, FALSE);

  update_tags (self, workspace);
  update_avatars (self, workspace);

  {
    g_autofree char *description = g_strdup_printf ("%s%s", obeya_card_get_title (self->card),
                                                    obeya_card_get_blocked (self->card)
                                                      ? _(", blocked") : "");
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    description, -1);
  }
}

/* Tooltips are computed when asked for: setting them on every bind costs a
 * round trip to the display server (GTK re-queries the pointer). */
static char *
tooltip_for (ObeyaCardWidget *self,
             GtkWidget       *widget)
{
  ObeyaDay today = obeya_day_today ();

  if (self->card == NULL)
    return NULL;

  if (widget == self->title_label)
    return g_strdup (obeya_card_get_description (self->card));

  if (widget == self->avatars_box)
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

  if (widget == self->due_box)
    {
      g_autofree char *date = obeya_day_to_string (obeya_card_get_due (self->card));

      if (obeya_card_is_overdue (self->card, today))
        /* Translators: tooltip of a card's due date */
        return g_strdup_printf (_("Overdue: due %s"), date);
      if (obeya_card_is_due_soon (self->card, today))
        return g_strdup_printf (_("Due soon: %s"), date);
      return g_strdup_printf (_("Due %s"), date);
    }

  if (widget == self->checklist_box)
    {
      guint done = obeya_card_get_checklist_done (self->card);
      guint total = obeya_card_get_checklist_total (self->card);

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u checklist item done",
                                           "%u of %u checklist items done", total), done, total);
    }

  if (widget == self->age_label)
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

  return NULL;
}

static gboolean
query_tooltip_cb (GtkWidget       *widget,
                  int              x,
                  int              y,
                  gboolean         keyboard,
                  GtkTooltip      *tooltip,
                  ObeyaCardWidget *self)
{
  g_autofree char *text = tooltip_for (self, widget);

  if (text == NULL || text[0] == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
card_notify_cb (ObeyaCardWidget *self)
{
  obeya_card_widget_update (self);
}

static void
obeya_card_widget_dispose (GObject *object)
{
  ObeyaCardWidget *self = OBEYA_CARD_WIDGET (object);

  obeya_card_widget_set_card (self, NULL);
  for (guint i = 0; i < MAX_TAGS; i++)
    g_clear_pointer (&self->tag_classes[i], g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), OBEYA_TYPE_CARD_WIDGET);

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

  properties[PROP_CARD] =
    g_param_spec_object ("card", NULL, NULL, OBEYA_TYPE_CARD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/obeya/Obeya/obeya-card-widget.ui");
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardWidget, frame);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardWidget, tags_box);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardWidget, title_label);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardWidget, blocked_box);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardWidget, blocked_label);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardWidget, meta_box);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardWidget, due_box);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardWidget, due_label);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardWidget, checklist_box);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardWidget, checklist_label);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardWidget, age_label);
  gtk_widget_class_bind_template_child (widget_class, ObeyaCardWidget, avatars_box);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "obeyacard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
obeya_card_widget_init (ObeyaCardWidget *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i <= MAX_TAGS; i++)
    {
      self->tag_labels[i] = gtk_label_new (i == MAX_TAGS ? "…" : NULL);
      gtk_label_set_ellipsize (GTK_LABEL (self->tag_labels[i]), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (self->tag_labels[i]), 14);
      gtk_widget_add_css_class (self->tag_labels[i], "obeya-tag");
      gtk_widget_set_visible (self->tag_labels[i], FALSE);
      gtk_box_append (GTK_BOX (self->tags_box), self->tag_labels[i]);
    }
  for (guint i = 0; i < MAX_AVATARS; i++)
    {
      self->avatars[i] = adw_avatar_new (24, NULL, TRUE);
      gtk_widget_set_visible (self->avatars[i], FALSE);
      gtk_box_append (GTK_BOX (self->avatars_box), self->avatars[i]);
    }
  {
    GtkWidget *with_tooltips[] = {
      self->title_label, self->avatars_box, self->due_box, self->checklist_box, self->age_label
    };

    for (guint i = 0; i < G_N_ELEMENTS (with_tooltips); i++)
      {
        gtk_widget_set_has_tooltip (with_tooltips[i], TRUE);
        g_signal_connect (with_tooltips[i], "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
      }
  }
  self->more_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->more_label, "obeya-meta");
  gtk_widget_set_visible (self->more_label, FALSE);
  gtk_box_append (GTK_BOX (self->avatars_box), self->more_label);
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
      obeya_card_widget_update (self);
    }
  obeya_card_widget_set_drop_indicator (self, OBEYA_DROP_NONE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CARD]);
}

void
obeya_card_widget_set_drop_indicator (ObeyaCardWidget   *self,
                                      ObeyaDropPosition  position)
{
  g_return_if_fail (OBEYA_IS_CARD_WIDGET (self));

  set_class (GTK_WIDGET (self), "drop-before", position == OBEYA_DROP_BEFORE);
  set_class (GTK_WIDGET (self), "drop-after", position == OBEYA_DROP_AFTER);
}
