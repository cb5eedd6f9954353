/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The columns are built once per board structure (columns and lanes); the
 * cards are GtkListViews over the core's cell models, so moves made during
 * the huddle (in the main window) show at once and a 2,000-card board
 * costs no more than a screenful of rows. Counts, flags and the ageing
 * threshold are recomputed in an idle after the workspace changed.
 */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <glib/gi18n.h>

#include "obeya-board.h"
#include "obeya-card.h"
#include "obeya-card-widget.h"
#include "obeya-column.h"
#include "obeya-lane.h"
#include "obeya-standup-board.h"
#include "obeya-workspace.h"

/* How tall an upper lane (expedite) may grow, as a share of the column. */
#define UPPER_LANE_SHARE 0.4

typedef struct
{
  ObeyaColumn *column;
  GtkWidget   *widget;
  GtkWidget   *count_label;
} Column;

struct _ObeyaStandupBoard
{
  GtkWidget       parent_instance;

  ObeyaBoard     *board;
  ObeyaWorkspace *workspace;
  ObeyaDay        today;
  guint           ageing_days;
  gboolean        ageing_from_history;
  guint           n_blocked;
  guint           n_ageing;
  char           *structure;   /* column and lane ids, to rebuild only when they change */

  GtkWidget      *scrolled;
  GtkWidget      *columns_box;
  GArray         *columns;     /* of Column */
  GHashTable     *bound;       /* the rows' children (GtkWidget *) bound to a card */
  int             walk;        /* index into columns, -1 without columns */
  guint           refresh_idle;
  guint           relayout_idle;
};

G_DEFINE_FINAL_TYPE (ObeyaStandupBoard, obeya_standup_board, GTK_TYPE_WIDGET)

static void refresh (ObeyaStandupBoard *self);
static void schedule_relayout (ObeyaStandupBoard *self);
static void scroll_to_walk (ObeyaStandupBoard *self);

static void
column_clear (gpointer data)
{
  Column *column = data;

  g_clear_object (&column->column);
}

/* ---- ageing ------------------------------------------------------------------ */

static ObeyaColumnRole
role_of_column_id (ObeyaBoard *board,
                   const char *column_id,
                   gboolean   *known)
{
  ObeyaColumn *column = column_id ? obeya_board_lookup_column (board, column_id) : NULL;

  *known = column != NULL;
  return column ? obeya_column_get_role (column) : OBEYA_COLUMN_ROLE_BACKLOG;
}

/* Days from commitment to the first entry into a done column after it,
 * counted inclusively; 0 when the card never finished. */
static guint
cycle_time_days (ObeyaBoard *board,
                 ObeyaCard  *card)
{
  ObeyaTimestamp committed = obeya_card_get_commitment_time (card);
  const ObeyaMove *moves;
  guint n_moves = 0;

  if (!OBEYA_TIMESTAMP_IS_SET (committed))
    return 0;
  moves = obeya_card_get_moves (card, &n_moves);
  for (guint i = 0; i < n_moves; i++)
    {
      gboolean known;
      ObeyaColumnRole role = role_of_column_id (board, moves[i].column_id, &known);
      ObeyaDay start, end;

      if (!known || role != OBEYA_COLUMN_ROLE_DONE || moves[i].time.seconds < committed.seconds)
        continue;
      start = obeya_timestamp_get_day (committed);
      end = obeya_timestamp_get_day (moves[i].time);
      return end >= start ? end - start + 1 : 1;
    }
  return 0;
}

static int
compare_guint (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

guint
obeya_standup_board_compute_ageing_days (ObeyaBoard *board,
                                         guint      *n_finished)
{
  GPtrArray *cards;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (guint));
  guint rank;

  g_return_val_if_fail (OBEYA_IS_BOARD (board), OBEYA_STANDUP_DEFAULT_AGEING_DAYS);

  cards = obeya_board_get_cards (board);
  for (guint i = 0; i < cards->len; i++)
    {
      guint days = cycle_time_days (board, cards->pdata[i]);

      if (days > 0)
        g_array_append_val (times, days);
    }
  if (n_finished != NULL)
    *n_finished = times->len;
  if (times->len < OBEYA_STANDUP_MIN_FINISHED)
    return OBEYA_STANDUP_DEFAULT_AGEING_DAYS;

  /* Nearest rank: the smallest value with at least 85 % of them at or below. */
  g_array_sort (times, compare_guint);
  rank = (OBEYA_STANDUP_AGEING_PERCENTILE * times->len + 99) / 100;
  return g_array_index (times, guint, MAX (rank, 1) - 1);
}

gboolean
obeya_standup_board_is_ageing (ObeyaStandupBoard *self,
                               ObeyaCard         *card)
{
  ObeyaColumn *column;

  g_return_val_if_fail (OBEYA_IS_STANDUP_BOARD (self), FALSE);
  g_return_val_if_fail (OBEYA_IS_CARD (card), FALSE);

  column = obeya_card_get_column (card);
  return column != NULL && obeya_column_get_role (column) == OBEYA_COLUMN_ROLE_ACTIVE &&
         !obeya_card_get_archived (card) &&
         obeya_card_get_age_days (card, self->today) > self->ageing_days;
}

/* ---- cards --------------------------------------------------------------------- */

/* The flags above a card: "Blocked · 3 days", "Ageing · 12 days". */
static void
update_flags (ObeyaStandupBoard *self,
              GtkWidget         *box)
{
  GtkWidget *flags = gtk_widget_get_first_child (box);
  GtkWidget *blocked_label = gtk_widget_get_first_child (flags);
  GtkWidget *ageing_label = gtk_widget_get_next_sibling (blocked_label);
  GtkWidget *card_widget = gtk_widget_get_next_sibling (flags);
  ObeyaCard *card = obeya_card_widget_get_card (OBEYA_CARD_WIDGET (card_widget));
  gboolean blocked = card != NULL && obeya_card_get_blocked (card);
  gboolean ageing = card != NULL && obeya_standup_board_is_ageing (self, card);

  if (blocked)
    {
      ObeyaDay since = obeya_timestamp_get_day (obeya_card_get_blocked_since (card));
      /* Days elapsed, as on the card face. */
      guint days = self->today > since ? self->today - since : 0;
      g_autofree char *text = NULL;

      if (days == 0)
        /* Translators: the flag above a card blocked today on the stand-up TV */
        text = g_strdup (_("Blocked · since today"));
      else
        /* Translators: the flag above a blocked card on the stand-up TV */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Blocked · %u day",
                                             "Blocked · %u days", days), days);
      gtk_label_set_text (GTK_LABEL (blocked_label), text);
    }
  if (ageing)
    {
      guint age = obeya_card_get_age_days (card, self->today);
      g_autofree char *text = NULL;

      /* Translators: the flag above an ageing card on the stand-up TV */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Ageing · %u day",
                                           "Ageing · %u days", age), age);
      gtk_label_set_text (GTK_LABEL (ageing_label), text);
    }
  gtk_widget_set_visible (blocked_label, blocked);
  gtk_widget_set_visible (ageing_label, ageing);
  gtk_widget_set_visible (flags, blocked || ageing);
  if (blocked)
    gtk_widget_add_css_class (card_widget, "blocked");
  else
    gtk_widget_remove_css_class (card_widget, "blocked");
  if (ageing)
    gtk_widget_add_css_class (card_widget, "ageing");
  else
    gtk_widget_remove_css_class (card_widget, "ageing");
}

static void
factory_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  ObeyaStandupBoard        *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *flags = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *blocked = gtk_label_new (NULL);
  GtkWidget *ageing = gtk_label_new (NULL);

  gtk_widget_add_css_class (flags, "obeya-standup-flags");
  gtk_widget_add_css_class (blocked, "obeya-standup-flag");
  gtk_widget_add_css_class (blocked, "blocked");
  gtk_widget_add_css_class (ageing, "obeya-standup-flag");
  gtk_widget_add_css_class (ageing, "ageing");
  gtk_box_append (GTK_BOX (flags), blocked);
  gtk_box_append (GTK_BOX (flags), ageing);
  gtk_widget_set_visible (flags, FALSE);
  gtk_box_append (GTK_BOX (box), flags);
  gtk_box_append (GTK_BOX (box), obeya_card_widget_new ());
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
factory_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 ObeyaStandupBoard        *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);

  obeya_card_widget_set_card (OBEYA_CARD_WIDGET (gtk_widget_get_last_child (box)),
                              gtk_list_item_get_item (item));
  update_flags (self, box);
  g_hash_table_add (self->bound, box);
}

static void
factory_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   ObeyaStandupBoard        *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);

  g_hash_table_remove (self->bound, box);
  obeya_card_widget_set_card (OBEYA_CARD_WIDGET (gtk_widget_get_last_child (box)), NULL);
}

static void
factory_teardown_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     ObeyaStandupBoard        *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);

  if (box != NULL)
    g_hash_table_remove (self->bound, box);
}

/* ---- columns ------------------------------------------------------------------- */

static GtkWidget *
create_cell (ObeyaStandupBoard *self,
             ObeyaColumn       *column,
             ObeyaLane         *lane,
             gboolean           last)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection;
  GtkWidget *list, *scrolled;

  g_signal_connect (factory, "setup", G_CALLBACK (factory_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (factory_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (factory_unbind_cb), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (factory_teardown_cb), self);
  selection = gtk_no_selection_new (g_object_ref (obeya_column_get_cell (column, lane)));
  list = gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory);
  gtk_widget_add_css_class (list, "obeya-standup-cards");
  gtk_widget_set_focusable (list, FALSE);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  if (last)
    gtk_widget_set_vexpand (scrolled, TRUE);
  else
    {
      /* An upper lane (expedite) takes what it needs, up to a share of the column. */
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled),
                                                  (int) (UPPER_LANE_SHARE * 900));
    }
  return scrolled;
}

static GtkWidget *
create_column (ObeyaStandupBoard *self,
               ObeyaColumn       *column,
               Column            *entry)
{
  GListModel *lanes = obeya_board_get_lanes (self->board);
  guint n_lanes = g_list_model_get_n_items (lanes);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *name = gtk_label_new (obeya_column_get_name (column));

  gtk_widget_add_css_class (box, "obeya-standup-column");
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_add_css_class (header, "obeya-standup-column-header");
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "obeya-standup-column-name");
  gtk_box_append (GTK_BOX (header), name);
  entry->count_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (entry->count_label, "obeya-standup-wip");
  gtk_widget_set_valign (entry->count_label, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), entry->count_label);
  gtk_box_append (GTK_BOX (box), header);

  if (n_lanes == 0)
    gtk_box_append (GTK_BOX (box), create_cell (self, column, NULL, TRUE));
  for (guint i = 0; i < n_lanes; i++)
    {
      g_autoptr(ObeyaLane) lane = g_list_model_get_item (lanes, i);
      GtkWidget *label = gtk_label_new (obeya_lane_get_name (lane));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "obeya-standup-lane");
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), create_cell (self, column, lane, i == n_lanes - 1));
    }
  return box;
}

static char *
dup_structure (ObeyaStandupBoard *self)
{
  GListModel *columns = obeya_board_get_columns (self->board);
  GListModel *lanes = obeya_board_get_lanes (self->board);
  GString *structure = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(ObeyaColumn) column = g_list_model_get_item (columns, i);

      g_string_append_printf (structure, "%s/%s;", obeya_entity_get_id (OBEYA_ENTITY (column)),
                              obeya_column_get_name (column));
    }
  g_string_append_c (structure, '|');
  for (guint i = 0; i < g_list_model_get_n_items (lanes); i++)
    {
      g_autoptr(ObeyaLane) lane = g_list_model_get_item (lanes, i);

      g_string_append_printf (structure, "%s/%s;", obeya_entity_get_id (OBEYA_ENTITY (lane)),
                              obeya_lane_get_name (lane));
    }
  return g_string_free (structure, FALSE);
}

static void
update_walk (ObeyaStandupBoard *self)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = &g_array_index (self->columns, Column, i);

      if ((int) i == self->walk)
        gtk_widget_add_css_class (column->widget, "walk-current");
      else
        gtk_widget_remove_css_class (column->widget, "walk-current");
      /* Walked already: right of the current column. */
      if ((int) i > self->walk)
        gtk_widget_add_css_class (column->widget, "walked");
      else
        gtk_widget_remove_css_class (column->widget, "walked");
    }
}

/* Brings the walked column into view when the columns do not all fit. */
static void
scroll_to_walk (ObeyaStandupBoard *self)
{
  GtkAdjustment *adjustment;
  Column *column;
  graphene_rect_t bounds;
  double value, page;

  if (self->walk < 0)
    return;
  column = &g_array_index (self->columns, Column, self->walk);
  adjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (self->scrolled));
  if (!gtk_widget_compute_bounds (column->widget, self->columns_box, &bounds))
    return;
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  if (bounds.origin.x < value)
    gtk_adjustment_set_value (adjustment, bounds.origin.x);
  else if (bounds.origin.x + bounds.size.width > value + page)
    gtk_adjustment_set_value (adjustment, bounds.origin.x + bounds.size.width - page);
}

static void
rebuild (ObeyaStandupBoard *self)
{
  GListModel *columns;
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (self->columns_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->columns_box), child);
  g_array_set_size (self->columns, 0);
  g_hash_table_remove_all (self->bound);
  if (self->board == NULL)
    return;

  columns = obeya_board_get_columns (self->board);
  n = g_list_model_get_n_items (columns);
  for (guint i = 0; i < n; i++)
    {
      Column entry = { NULL, };

      entry.column = g_list_model_get_item (columns, i);
      entry.widget = create_column (self, entry.column, &entry);
      gtk_box_append (GTK_BOX (self->columns_box), entry.widget);
      g_array_append_val (self->columns, entry);
    }
  self->walk = (int) n - 1;
  update_walk (self);
}

/* ---- refresh -------------------------------------------------------------------- */

static void
update_counts (ObeyaStandupBoard *self)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = &g_array_index (self->columns, Column, i);
      guint limit = obeya_column_get_wip_limit (column->column);
      guint count = obeya_board_count_wip (self->board, column->column, NULL);
      g_autofree char *text = NULL;

      if (obeya_column_get_role (column->column) != OBEYA_COLUMN_ROLE_ACTIVE || limit == 0)
        text = g_strdup_printf ("%u", obeya_column_get_n_cards (column->column));
      else
        /* Translators: work in progress against the limit in a column header: "3 / 4" */
        text = g_strdup_printf (_("%u / %u"), count, limit);
      gtk_label_set_text (GTK_LABEL (column->count_label), text);
      if (obeya_board_column_over_limit (self->board, column->column))
        gtk_widget_add_css_class (column->widget, "over-limit");
      else
        gtk_widget_remove_css_class (column->widget, "over-limit");
    }
}

static void
count_flags (ObeyaStandupBoard *self)
{
  GListModel *columns = obeya_board_get_columns (self->board);

  self->n_blocked = self->n_ageing = 0;
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(ObeyaColumn) column = g_list_model_get_item (columns, i);
      GListModel *lanes = obeya_board_get_lanes (self->board);
      guint n_lanes = g_list_model_get_n_items (lanes);

      for (guint l = 0; l < MAX (n_lanes, 1); l++)
        {
          g_autoptr(ObeyaLane) lane = n_lanes > 0 ? g_list_model_get_item (lanes, l) : NULL;
          GListModel *cell = obeya_column_get_cell (column, lane);

          for (guint c = 0; c < g_list_model_get_n_items (cell); c++)
            {
              g_autoptr(ObeyaCard) card = g_list_model_get_item (cell, c);

              if (obeya_column_get_role (column) == OBEYA_COLUMN_ROLE_DONE)
                continue;
              self->n_blocked += obeya_card_get_blocked (card);
              self->n_ageing += obeya_standup_board_is_ageing (self, card);
            }
        }
    }
}

static void
refresh (ObeyaStandupBoard *self)
{
  g_autofree char *structure = NULL;
  GHashTableIter iter;
  gpointer box;

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->board == NULL)
    return;

  self->today = obeya_day_today ();
  structure = dup_structure (self);
  if (g_strcmp0 (structure, self->structure) != 0)
    {
      g_free (self->structure);
      self->structure = g_steal_pointer (&structure);
      rebuild (self);
    }
  {
    guint n_finished = 0;

    self->ageing_days = obeya_standup_board_compute_ageing_days (self->board, &n_finished);
    self->ageing_from_history = n_finished >= OBEYA_STANDUP_MIN_FINISHED;
  }
  update_counts (self);
  count_flags (self);
  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &box, NULL))
    update_flags (self, box);
  schedule_relayout (self);
}

/* An upper lane (expedite) takes its cards' natural height, which GTK asks
 * for before it knows their width: at first a card answers for a wide
 * column, and on a small screen's narrow columns it is taller than that.
 * Once the cards have been laid out at their width, they are measured
 * again (a card then answers for the width it has) and the lanes get it
 * right. */
static gboolean
relayout_idle_cb (gpointer user_data)
{
  ObeyaStandupBoard *self = user_data;
  GHashTableIter iter;
  gpointer box;

  self->relayout_idle = 0;
  /* The cards' own size caches hold the first answer: clear them. */
  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &box, NULL))
    gtk_widget_queue_resize (gtk_widget_get_last_child (box));
  /* And the walked column is in view with the columns' final widths. */
  scroll_to_walk (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_relayout (ObeyaStandupBoard *self)
{
  if (self->relayout_idle == 0)
    self->relayout_idle = g_idle_add_full (G_PRIORITY_LOW, relayout_idle_cb, self, NULL);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  ObeyaStandupBoard *self = user_data;

  self->refresh_idle = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
workspace_changed_cb (ObeyaStandupBoard *self)
{
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
}

/* ---- public ---------------------------------------------------------------------- */

ObeyaBoard *
obeya_standup_board_get_board (ObeyaStandupBoard *self)
{
  g_return_val_if_fail (OBEYA_IS_STANDUP_BOARD (self), NULL);
  return self->board;
}

ObeyaColumn *
obeya_standup_board_get_walk_column (ObeyaStandupBoard *self)
{
  g_return_val_if_fail (OBEYA_IS_STANDUP_BOARD (self), NULL);

  if (self->walk < 0 || (guint) self->walk >= self->columns->len)
    return NULL;
  return g_array_index (self->columns, Column, self->walk).column;
}

gboolean
obeya_standup_board_walk (ObeyaStandupBoard *self,
                          int                steps)
{
  int walk;

  g_return_val_if_fail (OBEYA_IS_STANDUP_BOARD (self), FALSE);

  if (self->columns->len == 0)
    return FALSE;
  walk = CLAMP (self->walk - steps, 0, (int) self->columns->len - 1);
  if (walk == self->walk)
    return FALSE;
  self->walk = walk;
  update_walk (self);
  scroll_to_walk (self);
  return TRUE;
}

void
obeya_standup_board_restart_walk (ObeyaStandupBoard *self)
{
  g_return_if_fail (OBEYA_IS_STANDUP_BOARD (self));

  self->walk = (int) self->columns->len - 1;
  update_walk (self);
  scroll_to_walk (self);
}

guint
obeya_standup_board_get_ageing_days (ObeyaStandupBoard *self,
                                     gboolean          *from_history)
{
  g_return_val_if_fail (OBEYA_IS_STANDUP_BOARD (self), 0);

  if (from_history != NULL)
    *from_history = self->ageing_from_history;
  return self->ageing_days;
}

guint
obeya_standup_board_get_n_blocked (ObeyaStandupBoard *self)
{
  g_return_val_if_fail (OBEYA_IS_STANDUP_BOARD (self), 0);
  return self->n_blocked;
}

guint
obeya_standup_board_get_n_ageing (ObeyaStandupBoard *self)
{
  g_return_val_if_fail (OBEYA_IS_STANDUP_BOARD (self), 0);
  return self->n_ageing;
}

/* ---- GObject ----------------------------------------------------------------------- */

static void
obeya_standup_board_dispose (GObject *object)
{
  ObeyaStandupBoard *self = OBEYA_STANDUP_BOARD (object);
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  g_clear_handle_id (&self->relayout_idle, g_source_remove);
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_object (&self->workspace);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_hash_table_remove_all (self->bound);
  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_object (&self->board);

  G_OBJECT_CLASS (obeya_standup_board_parent_class)->dispose (object);
}

static void
obeya_standup_board_finalize (GObject *object)
{
  ObeyaStandupBoard *self = OBEYA_STANDUP_BOARD (object);

  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_free (self->structure);

  G_OBJECT_CLASS (obeya_standup_board_parent_class)->finalize (object);
}

static void
obeya_standup_board_class_init (ObeyaStandupBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = obeya_standup_board_dispose;
  object_class->finalize = obeya_standup_board_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "obeyastandupboard");
}

static void
obeya_standup_board_init (ObeyaStandupBoard *self)
{
  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (self->columns, column_clear);
  self->bound = g_hash_table_new (NULL, NULL);
  self->walk = -1;
  self->ageing_days = OBEYA_STANDUP_DEFAULT_AGEING_DAYS;

  self->scrolled = gtk_scrolled_window_new ();
  /* A scrollbar that stays: nobody hovers over the TV to find out that
   * the board goes on to the side. */
  gtk_scrolled_window_set_overlay_scrolling (GTK_SCROLLED_WINDOW (self->scrolled), FALSE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
  self->columns_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_set_homogeneous (GTK_BOX (self->columns_box), TRUE);
  gtk_widget_add_css_class (self->columns_box, "obeya-standup-columns");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), self->columns_box);
  g_signal_connect (self, "map", G_CALLBACK (schedule_relayout), NULL);
}

GtkWidget *
obeya_standup_board_new (ObeyaBoard *board)
{
  ObeyaStandupBoard *self;
  ObeyaWorkspace *workspace;

  g_return_val_if_fail (OBEYA_IS_BOARD (board), NULL);

  self = g_object_new (OBEYA_TYPE_STANDUP_BOARD, NULL);
  self->board = g_object_ref (board);
  workspace = obeya_board_get_workspace (board);
  if (workspace != NULL)
    {
      self->workspace = g_object_ref (workspace);
      g_signal_connect_swapped (workspace, "changed", G_CALLBACK (workspace_changed_cb), self);
    }
  refresh (self);
  return GTK_WIDGET (self);
}
