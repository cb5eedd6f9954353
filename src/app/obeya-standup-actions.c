/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <glib/gi18n.h>

#include "obeya-board.h"
#include "obeya-card.h"
#include "obeya-card-editor.h"
#include "obeya-card-widget.h"
#include "obeya-column.h"
#include "obeya-huddle-util.h"
#include "obeya-metrics.h"
#include "obeya-person.h"
#include "obeya-standup-actions.h"
#include "obeya-workspace.h"

struct _ObeyaStandupActions
{
  GtkWidget       parent_instance;

  ObeyaWorkspace *workspace;
  ObeyaMetrics   *metrics;
  gboolean        interactive;
  ObeyaDay        today;
  char           *summary;
  GListStore     *actions;   /* of ObeyaCard */
  GListStore     *stuck;     /* of ObeyaCard */
  GtkSizeGroup   *groups[3];

  GtkWidget      *actions_list;
  GtkWidget      *actions_empty;
  GtkWidget      *stuck_heading;
  GtkWidget      *stuck_list;
};

G_DEFINE_FINAL_TYPE (ObeyaStandupActions, obeya_standup_actions, GTK_TYPE_WIDGET)

/* ---- rows ---------------------------------------------------------------------- */

static char *
dup_owners (ObeyaCard *card)
{
  ObeyaWorkspace *workspace = obeya_entity_get_workspace (OBEYA_ENTITY (card));
  const char * const *ids = obeya_card_get_assignees (card);
  GString *names = g_string_new (NULL);

  for (guint i = 0; workspace != NULL && ids != NULL && ids[i] != NULL; i++)
    {
      ObeyaPerson *person = obeya_workspace_find_person (workspace, ids[i]);

      if (person == NULL)
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, obeya_person_get_name (person));
    }
  if (names->len == 0)
    g_string_append (names, _("No owner"));
  return g_string_free (names, FALSE);
}

static GtkWidget *
cell_label (const char   *text,
            const char   *css_class,
            GtkSizeGroup *group)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, css_class);
  if (group != NULL)
    gtk_size_group_add_widget (group, label);
  return label;
}

GtkWidget *
obeya_standup_card_row_new (ObeyaCard     *card,
                            ObeyaDay       today,
                            GtkSizeGroup **groups)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *state, *title, *where_box;
  ObeyaDay due = obeya_card_get_due (card);
  ObeyaBoard *board = obeya_card_get_board (card);
  ObeyaColumn *column = obeya_card_get_column (card);
  g_autofree char *owners = dup_owners (card);
  g_autofree char *due_text = NULL;
  g_autofree char *where = NULL;
  const char *state_text, *state_class;

  g_return_val_if_fail (OBEYA_IS_CARD (card), NULL);

  /* The state in words (the colour only repeats it). */
  if (obeya_card_is_overdue (card, today))
    state_class = "overdue";
  else if (obeya_card_get_blocked (card))
    state_class = "blocked";
  else if (obeya_card_is_due_soon (card, today))
    state_class = "due-soon";
  else
    state_class = "open";
  state_text = g_str_equal (state_class, "overdue") ? _("Overdue")
               : g_str_equal (state_class, "blocked") ? _("Blocked")
               : g_str_equal (state_class, "due-soon") ? _("Due soon")
               : _("Open");

  gtk_widget_add_css_class (row, "obeya-standup-row");
  gtk_widget_add_css_class (row, state_class);
  state = cell_label (state_text, "obeya-standup-state", groups ? groups[0] : NULL);
  gtk_widget_add_css_class (state, state_class);
  gtk_label_set_xalign (GTK_LABEL (state), 0.5);
  gtk_widget_set_valign (state, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (row), state);

  where_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (where_box, TRUE);
  title = cell_label (obeya_card_get_title (card), "obeya-standup-row-title", NULL);
  gtk_box_append (GTK_BOX (where_box), title);
  if (board != NULL && column != NULL)
    {
      /* Translators: where a card is: "Accounts payable · In progress" */
      where = g_strdup_printf (_("%s · %s"), obeya_board_get_name (board),
                               obeya_column_get_name (column));
      if (obeya_card_get_blocked (card) && obeya_card_get_blocked_reason (card) != NULL)
        {
          char *with_reason = g_strdup_printf ("%s · %s", where,
                                               obeya_card_get_blocked_reason (card));
          g_free (where);
          where = with_reason;
        }
      gtk_box_append (GTK_BOX (where_box), cell_label (where, "obeya-standup-row-where", NULL));
    }
  gtk_box_append (GTK_BOX (row), where_box);

  gtk_box_append (GTK_BOX (row), cell_label (owners, "obeya-standup-row-owner",
                                             groups ? groups[1] : NULL));
  if (due != OBEYA_DAY_NONE)
    {
      g_autofree char *day = obeya_format_due_date (due, today);

      /* Translators: the due day of a card in the stand-up lists, "Due 7 Nov" */
      due_text = g_strdup_printf (_("Due %s"), day);
    }
  gtk_box_append (GTK_BOX (row), cell_label (due_text ? due_text : _("No due date"),
                                             "obeya-standup-row-due", groups ? groups[2] : NULL));
  return row;
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  ObeyaStandupActions *self = user_data;
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row),
                              obeya_standup_card_row_new (item, self->today, self->groups));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), self->interactive);
  gtk_widget_set_focusable (row, self->interactive);
  g_object_set_data_full (G_OBJECT (row), "obeya-card", g_object_ref (item), g_object_unref);
  return row;
}

static void
row_activated_cb (GtkListBox          *list,
                  GtkListBoxRow       *row,
                  ObeyaStandupActions *self)
{
  ObeyaCard *card = g_object_get_data (G_OBJECT (row), "obeya-card");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (!self->interactive || card == NULL || obeya_card_get_board (card) == NULL)
    return;
  {
    ObeyaCardEditor *editor = obeya_card_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                     card);

    /* Read by the room too: the stand-up's larger type. */
    gtk_widget_add_css_class (GTK_WIDGET (editor), "obeya-standup-dialog");
    gtk_window_present (GTK_WINDOW (editor));
  }
}

/* ---- refresh ---------------------------------------------------------------------- */

static int
compare_stuck (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  ObeyaCard *x = *(ObeyaCard **) a, *y = *(ObeyaCard **) b;
  ObeyaDay today = GPOINTER_TO_UINT (user_data);
  gboolean x_overdue = obeya_card_is_overdue (x, today);
  gboolean y_overdue = obeya_card_is_overdue (y, today);
  ObeyaDay x_due = obeya_card_get_due (x), y_due = obeya_card_get_due (y);

  /* Overdue first (the longest overdue first), then blocked by due day. */
  if (x_overdue != y_overdue)
    return x_overdue ? -1 : 1;
  if (x_due != y_due)
    return x_due == OBEYA_DAY_NONE ? 1 : y_due == OBEYA_DAY_NONE ? -1 : x_due < y_due ? -1 : 1;
  return 0;
}

static void
collect_stuck (ObeyaStandupActions *self,
               GPtrArray           *actions,
               GPtrArray           *stuck)
{
  GListModel *boards = obeya_workspace_get_boards (self->workspace);
  g_autoptr(GHashTable) listed = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < actions->len; i++)
    g_hash_table_add (listed, actions->pdata[i]);
  for (guint b = 0; b < g_list_model_get_n_items (boards); b++)
    {
      g_autoptr(ObeyaBoard) board = g_list_model_get_item (boards, b);
      GPtrArray *cards;

      if (obeya_board_get_archived (board))
        continue;
      cards = obeya_board_get_cards (board);
      for (guint i = 0; i < cards->len; i++)
        {
          ObeyaCard *card = cards->pdata[i];

          if (obeya_card_get_archived (card) || obeya_card_is_done (card) ||
              g_hash_table_contains (listed, card))
            continue;
          if (obeya_card_get_blocked (card) || obeya_card_is_overdue (card, self->today))
            g_ptr_array_add (stuck, card);
        }
    }
  g_ptr_array_sort_with_data (stuck, compare_stuck, GUINT_TO_POINTER (self->today));
}

void
obeya_standup_actions_refresh (ObeyaStandupActions *self)
{
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GPtrArray) stuck = g_ptr_array_new ();
  g_autoptr(GString) summary = g_string_new (NULL);
  guint overdue = 0;

  g_return_if_fail (OBEYA_IS_STANDUP_ACTIONS (self));

  self->today = obeya_day_today ();
  actions = obeya_huddle_util_dup_open_actions (self->metrics);
  collect_stuck (self, actions, stuck);
  for (guint i = 0; i < actions->len; i++)
    overdue += obeya_card_is_overdue (actions->pdata[i], self->today);

  g_list_store_splice (self->actions, 0, g_list_model_get_n_items (G_LIST_MODEL (self->actions)),
                       actions->pdata, actions->len);
  g_list_store_splice (self->stuck, 0, g_list_model_get_n_items (G_LIST_MODEL (self->stuck)),
                       stuck->pdata, stuck->len);
  gtk_widget_set_visible (self->actions_list, actions->len > 0);
  gtk_widget_set_visible (self->actions_empty, actions->len == 0);
  gtk_label_set_text (GTK_LABEL (self->actions_empty),
                      obeya_metrics_get_action_board (self->metrics) == NULL
                      ? _("Choose the board that receives the huddle’s actions in Huddle Settings.")
                      : _("No open actions."));
  gtk_widget_set_visible (self->stuck_heading, stuck->len > 0);
  gtk_widget_set_visible (self->stuck_list, stuck->len > 0);

  /* Translators: the stand-up's summary of the actions page: "3 open actions · 1 overdue · 2 stuck cards" */
  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u open action",
                                                "%u open actions", actions->len), actions->len);
  if (overdue > 0)
    {
      g_string_append (summary, " · ");
      g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u overdue", "%u overdue",
                                                    overdue), overdue);
    }
  if (stuck->len > 0)
    {
      g_string_append (summary, " · ");
      g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u blocked or overdue card",
                                                    "%u blocked or overdue cards", stuck->len),
                              stuck->len);
    }
  g_free (self->summary);
  self->summary = g_string_free (g_steal_pointer (&summary), FALSE);
}

const char *
obeya_standup_actions_get_summary (ObeyaStandupActions *self)
{
  g_return_val_if_fail (OBEYA_IS_STANDUP_ACTIONS (self), NULL);
  return self->summary;
}

GListModel *
obeya_standup_actions_get_actions (ObeyaStandupActions *self)
{
  g_return_val_if_fail (OBEYA_IS_STANDUP_ACTIONS (self), NULL);
  return G_LIST_MODEL (self->actions);
}

GListModel *
obeya_standup_actions_get_stuck (ObeyaStandupActions *self)
{
  g_return_val_if_fail (OBEYA_IS_STANDUP_ACTIONS (self), NULL);
  return G_LIST_MODEL (self->stuck);
}

/* ---- GObject ------------------------------------------------------------------------- */

static void
obeya_standup_actions_dispose (GObject *object)
{
  ObeyaStandupActions *self = OBEYA_STANDUP_ACTIONS (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->actions);
  g_clear_object (&self->stuck);
  for (guint i = 0; i < G_N_ELEMENTS (self->groups); i++)
    g_clear_object (&self->groups[i]);
  g_clear_object (&self->workspace);
  self->metrics = NULL;

  G_OBJECT_CLASS (obeya_standup_actions_parent_class)->dispose (object);
}

static void
obeya_standup_actions_finalize (GObject *object)
{
  ObeyaStandupActions *self = OBEYA_STANDUP_ACTIONS (object);

  g_free (self->summary);

  G_OBJECT_CLASS (obeya_standup_actions_parent_class)->finalize (object);
}

static void
obeya_standup_actions_class_init (ObeyaStandupActionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = obeya_standup_actions_dispose;
  object_class->finalize = obeya_standup_actions_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "obeyastandupactions");
}

static GtkWidget *
create_list (ObeyaStandupActions *self,
             GListStore          *store)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "obeya-standup-list");
  gtk_list_box_bind_model (GTK_LIST_BOX (list), G_LIST_MODEL (store), create_row_cb, self, NULL);
  g_signal_connect (list, "row-activated", G_CALLBACK (row_activated_cb), self);
  return list;
}

static void
obeya_standup_actions_init (ObeyaStandupActions *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading;

  /* A scrollbar that stays: nobody hovers over the TV to find out that a
   * page goes on below. */
  gtk_scrolled_window_set_overlay_scrolling (GTK_SCROLLED_WINDOW (scrolled), FALSE);
  self->actions = g_list_store_new (OBEYA_TYPE_CARD);
  self->stuck = g_list_store_new (OBEYA_TYPE_CARD);
  for (guint i = 0; i < G_N_ELEMENTS (self->groups); i++)
    self->groups[i] = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (scrolled, GTK_WIDGET (self));
  gtk_widget_add_css_class (box, "obeya-standup-page");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);

  /* The summary is the page's subtitle (ObeyaStandup shows it). */
  heading = gtk_label_new (_("Huddle Actions"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "obeya-standup-heading");
  gtk_box_append (GTK_BOX (box), heading);
  self->actions_list = create_list (self, self->actions);
  gtk_box_append (GTK_BOX (box), self->actions_list);
  self->actions_empty = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->actions_empty), 0);
  gtk_widget_add_css_class (self->actions_empty, "obeya-standup-dim");
  gtk_box_append (GTK_BOX (box), self->actions_empty);

  self->stuck_heading = gtk_label_new (_("Blocked or Overdue on the Boards"));
  gtk_label_set_xalign (GTK_LABEL (self->stuck_heading), 0);
  gtk_widget_set_margin_top (self->stuck_heading, 18);
  gtk_widget_add_css_class (self->stuck_heading, "obeya-standup-heading");
  gtk_box_append (GTK_BOX (box), self->stuck_heading);
  self->stuck_list = create_list (self, self->stuck);
  gtk_box_append (GTK_BOX (box), self->stuck_list);
}

GtkWidget *
obeya_standup_actions_new (ObeyaWorkspace *workspace,
                           gboolean        interactive)
{
  ObeyaStandupActions *self;

  g_return_val_if_fail (OBEYA_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (OBEYA_TYPE_STANDUP_ACTIONS, NULL);
  self->workspace = g_object_ref (workspace);
  self->metrics = obeya_workspace_get_metrics (workspace);
  self->interactive = interactive;
  obeya_standup_actions_refresh (self);
  return GTK_WIDGET (self);
}
