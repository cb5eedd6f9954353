/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include "obeya-card.h"
#include "obeya-card-filter.h"

struct _ObeyaCardFilter
{
  GtkFilter       parent_instance;

  ObeyaCardQuery *query;
  gboolean        was_empty;
};

G_DEFINE_FINAL_TYPE (ObeyaCardFilter, obeya_card_filter, GTK_TYPE_FILTER)

static gboolean
obeya_card_filter_match (GtkFilter *filter,
                         gpointer   item)
{
  ObeyaCardFilter *self = OBEYA_CARD_FILTER (filter);

  return obeya_card_query_matches (self->query, OBEYA_CARD (item), obeya_day_today ());
}

static GtkFilterMatch
obeya_card_filter_get_strictness (GtkFilter *filter)
{
  ObeyaCardFilter *self = OBEYA_CARD_FILTER (filter);

  return obeya_card_query_is_empty (self->query) ? GTK_FILTER_MATCH_ALL : GTK_FILTER_MATCH_SOME;
}

static void
query_changed_cb (ObeyaCardFilter *self)
{
  gboolean empty = obeya_card_query_is_empty (self->query);

  /* From nothing to something is "more strict" (only matching items need
   * checking again), back to nothing "less strict". */
  if (empty && !self->was_empty)
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_LESS_STRICT);
  else if (!empty && self->was_empty)
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_MORE_STRICT);
  else if (!empty)
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
  self->was_empty = empty;
}

static void
obeya_card_filter_dispose (GObject *object)
{
  ObeyaCardFilter *self = OBEYA_CARD_FILTER (object);

  if (self->query != NULL)
    g_signal_handlers_disconnect_by_data (self->query, self);
  g_clear_object (&self->query);

  G_OBJECT_CLASS (obeya_card_filter_parent_class)->dispose (object);
}

static void
obeya_card_filter_class_init (ObeyaCardFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->dispose = obeya_card_filter_dispose;
  filter_class->match = obeya_card_filter_match;
  filter_class->get_strictness = obeya_card_filter_get_strictness;
}

static void
obeya_card_filter_init (ObeyaCardFilter *self)
{
}

ObeyaCardFilter *
obeya_card_filter_new (ObeyaCardQuery *query)
{
  ObeyaCardFilter *self = g_object_new (OBEYA_TYPE_CARD_FILTER, NULL);

  self->query = g_object_ref (query);
  self->was_empty = obeya_card_query_is_empty (query);
  g_signal_connect_swapped (query, "changed", G_CALLBACK (query_changed_cb), self);
  return self;
}

ObeyaCardQuery *
obeya_card_filter_get_query (ObeyaCardFilter *self)
{
  g_return_val_if_fail (OBEYA_IS_CARD_FILTER (self), NULL);
  return self->query;
}
