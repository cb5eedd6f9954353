/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <glib/gi18n.h>

#include "obeya-board.h"
#include "obeya-card.h"
#include "obeya-dialog-util.h"
#include "obeya-people-dialog.h"
#include "obeya-person.h"
#include "obeya-recurrence.h"
#include "obeya-tag-color-button.h"
#include "obeya-tag.h"
#include "obeya-util.h"
#include "obeya-workspace.h"

#define ME_KEY "workspace-me"

/* Model → widgets in refresh() only, on every ObeyaWorkspace::changed, with
 * self->updating raised (as in the card editor). */

struct _ObeyaPeopleDialog
{
  AdwWindow            parent_instance;

  ObeyaWorkspace      *workspace;
  char                *workspace_key;
  GSettings           *settings;     /* NULL without the schema or a key */
  gulong               changed_id;

  /* template children */
  AdwPreferencesGroup *me_group;
  AdwComboRow         *me_row;
  GtkListBox          *people_list;
  AdwEntryRow         *add_person_row;
  GtkListBox          *tags_list;
  AdwEntryRow         *add_tag_row;
  ObeyaTagColorButton *add_tag_color;

  GPtrArray           *person_rows;
  GPtrArray           *tag_rows;
  GtkStringList       *me_names;     /* "Nobody", then the people */
  guint                updating;
};

G_DEFINE_FINAL_TYPE (ObeyaPeopleDialog, obeya_people_dialog, ADW_TYPE_WINDOW)

static void refresh (ObeyaPeopleDialog *self);

/* ---- "this is me" ------------------------------------------------------------ */

static GSettings *
new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, ME_KEY))
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

static char *
settings_dup_me (GSettings  *settings,
                 const char *workspace_key)
{
  g_autoptr(GVariant) map = g_settings_get_value (settings, ME_KEY);
  const char *id = NULL;

  if (g_variant_lookup (map, workspace_key, "&s", &id) && id[0] != '\0')
    return g_strdup (id);
  return NULL;
}

char *
obeya_people_dialog_dup_me (const char *workspace_key)
{
  g_autoptr(GSettings) settings = NULL;

  g_return_val_if_fail (workspace_key != NULL, NULL);

  settings = new_settings ();
  return settings ? settings_dup_me (settings, workspace_key) : NULL;
}

static void
set_me (ObeyaPeopleDialog *self,
        const char        *person_id)
{
  g_autoptr(GVariant) map = g_settings_get_value (self->settings, ME_KEY);
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key, *value;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, map);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
    if (g_strcmp0 (key, self->workspace_key) != 0)
      g_variant_builder_add (&builder, "{ss}", key, value);
  if (person_id != NULL)
    g_variant_builder_add (&builder, "{ss}", self->workspace_key, person_id);
  g_settings_set_value (self->settings, ME_KEY, g_variant_builder_end (&builder));
}

static void
me_selected_cb (ObeyaPeopleDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->me_row);
  g_autoptr(ObeyaPerson) person = NULL;

  if (self->updating > 0 || self->settings == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected > 0)
    person = g_list_model_get_item (obeya_workspace_get_people (self->workspace), selected - 1);
  set_me (self, person ? obeya_entity_get_id (OBEYA_ENTITY (person)) : NULL);
}

static void
settings_changed_cb (ObeyaPeopleDialog *self)
{
  refresh (self);
}

/* ---- counting ------------------------------------------------------------------- */

/* Cards (archived included) and recurring cards whose string-list property
 * @property holds @id. */
static void
count_uses (ObeyaPeopleDialog *self,
            const char        *property,
            const char        *id,
            guint             *n_cards,
            guint             *n_recurring)
{
  GListModel *boards = obeya_workspace_get_boards (self->workspace);

  *n_cards = *n_recurring = 0;
  for (guint b = 0; b < g_list_model_get_n_items (boards); b++)
    {
      g_autoptr(ObeyaBoard) board = g_list_model_get_item (boards, b);
      GPtrArray *cards = obeya_board_get_cards (board);
      GListModel *recurrences = obeya_board_get_recurrences (board);

      for (guint i = 0; i < cards->len; i++)
        {
          g_auto(GStrv) values = NULL;

          g_object_get (cards->pdata[i], property, &values, NULL);
          if (values != NULL && g_strv_contains ((const char * const *) values, id))
            (*n_cards)++;
        }
      for (guint i = 0; i < g_list_model_get_n_items (recurrences); i++)
        {
          g_autoptr(GObject) recurrence = g_list_model_get_item (recurrences, i);
          g_auto(GStrv) values = NULL;

          g_object_get (recurrence, property, &values, NULL);
          if (values != NULL && g_strv_contains ((const char * const *) values, id))
            (*n_recurring)++;
        }
    }
}

static char *
cards_text (guint n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u card", "%u cards", n), n);
}

/* ---- people and tags ------------------------------------------------------------- */

static void
commit_name (ObeyaPeopleDialog *self,
             AdwEntryRow       *row)
{
  ObeyaEntity *entity = obeya_row_get_object (row);
  g_autofree char *name = NULL;
  g_autofree char *current = NULL;

  if (self->updating > 0)
    return;
  name = obeya_editable_dup_stripped (GTK_EDITABLE (row));
  g_object_get (entity, "name", &current, NULL);
  if (name[0] == '\0')
    {
      /* A name is needed: show the one it has. */
      gtk_editable_set_text (GTK_EDITABLE (row), current);
      return;
    }
  if (g_strcmp0 (name, current) != 0)
    obeya_entity_edit (entity, OBEYA_IS_PERSON (entity) ? _("Rename person") : _("Rename tag"),
                       "name", name, NULL);
}

static void
name_activated_cb (AdwEntryRow       *row,
                   ObeyaPeopleDialog *self)
{
  commit_name (self, row);
}

static void
name_leave_cb (GtkEventControllerFocus *controller,
               ObeyaPeopleDialog       *self)
{
  commit_name (self, ADW_ENTRY_ROW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
}

static void
tag_color_cb (ObeyaTagColorButton *button,
              GParamSpec          *pspec,
              ObeyaPeopleDialog   *self)
{
  ObeyaTag *tag = obeya_row_get_object (button);
  const char *color = obeya_tag_color_button_get_color (button);

  if (self->updating > 0 || g_strcmp0 (color, obeya_tag_get_color (tag)) == 0)
    return;
  obeya_entity_edit (OBEYA_ENTITY (tag), _("Change tag colour"), "color", color, NULL);
}

static GtkWidget *
new_entity_row (gpointer item,
                gpointer data)
{
  ObeyaPeopleDialog *self = data;
  ObeyaEntity *entity = item;
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *count = gtk_label_new (NULL);
  GtkWidget *remove;
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GVariant *target = g_variant_new_string (obeya_entity_get_id (entity));
  gboolean is_person = OBEYA_IS_PERSON (entity);

  obeya_row_set_object (row, entity);
  gtk_widget_add_css_class (row, "obeya-untitled");
  if (is_person)
    {
      GtkWidget *avatar = obeya_person_avatar_new (obeya_person_get_name (OBEYA_PERSON (entity)),
                                                   32);

      g_object_set_data (G_OBJECT (row), "obeya-avatar", avatar);
      adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), avatar);
    }
  else
    {
      GtkWidget *color = obeya_tag_color_button_new (obeya_tag_get_color (OBEYA_TAG (entity)));

      obeya_row_set_object (color, entity);
      g_object_set_data (G_OBJECT (row), "obeya-color", color);
      g_signal_connect (color, "notify::color", G_CALLBACK (tag_color_cb), self);
      adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), color);
    }

  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_set_valign (count, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (row), "obeya-count", count);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), count);

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, is_person ? _("Remove Person…") : _("Remove Tag…"));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove),
                                  is_person ? "people.remove-person" : "people.remove-tag");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);

  g_signal_connect (row, "entry-activated", G_CALLBACK (name_activated_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (name_leave_cb), self);
  gtk_widget_add_controller (row, focus);
  return row;
}

static void
sync_rows (ObeyaPeopleDialog *self,
           GtkListBox        *list,
           GtkWidget         *add_row,
           GPtrArray         *rows,
           GListModel        *model,
           const char        *property)
{
  obeya_rows_sync (GTK_WIDGET (list), add_row, rows, model, new_entity_row, self);

  for (guint i = 0; i < rows->len; i++)
    {
      GObject *row = rows->pdata[i];
      ObeyaEntity *entity = obeya_row_get_object (row);
      GtkWidget *avatar = g_object_get_data (row, "obeya-avatar");
      GtkWidget *color = g_object_get_data (row, "obeya-color");
      char *shown = g_object_steal_data (row, "obeya-shown");
      g_autofree char *name = NULL;
      g_autofree char *count = NULL;
      guint n_cards, n_recurring;

      g_object_get (entity, "name", &name, NULL);
      obeya_sync_editable (GTK_EDITABLE (row), &shown, name);
      g_object_set_data_full (row, "obeya-shown", shown, g_free);
      if (avatar != NULL)
        obeya_person_avatar_set_name (avatar, name);
      if (color != NULL)
        obeya_tag_color_button_set_color (OBEYA_TAG_COLOR_BUTTON (color),
                                          obeya_tag_get_color (OBEYA_TAG (entity)));
      count_uses (self, property, obeya_entity_get_id (entity), &n_cards, &n_recurring);
      count = cards_text (n_cards);
      gtk_label_set_label (g_object_get_data (row, "obeya-count"), count);
    }
}

static void
add_person_cb (ObeyaPeopleDialog *self)
{
  g_autofree char *name = obeya_editable_dup_stripped (GTK_EDITABLE (self->add_person_row));

  if (self->updating > 0 || name[0] == '\0')
    return;
  if (obeya_workspace_find_person_by_name (self->workspace, name) != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->add_person_row), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->add_person_row), "error");
  obeya_workspace_add_person (self->workspace, name);
  gtk_editable_set_text (GTK_EDITABLE (self->add_person_row), "");
}

static void
add_tag_cb (ObeyaPeopleDialog *self)
{
  g_autofree char *name = obeya_editable_dup_stripped (GTK_EDITABLE (self->add_tag_row));

  if (self->updating > 0 || name[0] == '\0')
    return;
  if (obeya_workspace_find_tag_by_name (self->workspace, name) != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->add_tag_row), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->add_tag_row), "error");
  obeya_workspace_add_tag (self->workspace, name,
                           obeya_tag_color_button_get_color (self->add_tag_color));
  gtk_editable_set_text (GTK_EDITABLE (self->add_tag_row), "");
  obeya_tag_color_button_set_color (self->add_tag_color, obeya_tag_color_suggest (self->workspace));
}

static void
remove_response_cb (AdwMessageDialog  *dialog,
                    const char        *response,
                    ObeyaPeopleDialog *self)
{
  ObeyaEntity *entity = g_object_get_data (G_OBJECT (dialog), "obeya-entity");

  if (g_strcmp0 (response, "remove") != 0)
    return;
  if (OBEYA_IS_PERSON (entity) &&
      obeya_model_find (obeya_workspace_get_people (self->workspace), entity) != GTK_INVALID_LIST_POSITION)
    obeya_workspace_remove_person (self->workspace, OBEYA_PERSON (entity));
  else if (OBEYA_IS_TAG (entity) &&
           obeya_model_find (obeya_workspace_get_tags (self->workspace), entity) != GTK_INVALID_LIST_POSITION)
    obeya_workspace_remove_tag (self->workspace, OBEYA_TAG (entity));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ObeyaPeopleDialog *self = OBEYA_PEOPLE_DIALOG (widget);
  gboolean is_person = g_str_equal (action_name, "people.remove-person");
  GListModel *model = is_person ? obeya_workspace_get_people (self->workspace)
                                : obeya_workspace_get_tags (self->workspace);
  ObeyaEntity *entity = obeya_find_by_id (model, g_variant_get_string (parameter, NULL), NULL);
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *uses = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  guint n_cards, n_recurring;

  if (entity == NULL)
    return;

  g_object_get (entity, "name", &name, NULL);
  count_uses (self, is_person ? "assignees" : "tags", obeya_entity_get_id (entity),
              &n_cards, &n_recurring);
  if (n_recurring > 0)
    /* Translators: "4 cards and 1 recurring card" */
    uses = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u card and %u recurring card",
                                         "%u cards and %u recurring cards", n_recurring),
                            n_cards, n_recurring);
  else
    uses = cards_text (n_cards);

  if (is_person)
    {
      heading = g_strdup_printf (_("Remove %s?"), name);
      if (n_cards + n_recurring > 0)
        /* Translators: "Ana López is assigned to 4 cards; they will be unassigned. …" */
        body = g_strdup_printf (_("%s is assigned to %s; they will be unassigned. "
                                  "You can undo this."), name, uses);
      else
        body = g_strdup_printf (_("%s is not assigned to any card. You can undo this."), name);
    }
  else
    {
      heading = g_strdup_printf (_("Remove Tag “%s”?"), name);
      if (n_cards + n_recurring > 0)
        /* Translators: "The tag is on 12 cards; it will be taken off them. …" */
        body = g_strdup_printf (_("The tag is on %s; it will be taken off them. "
                                  "You can undo this."), uses);
      else
        body = g_strdup (_("No card has this tag. You can undo this."));
    }

  dialog = obeya_dialog_new_confirm (GTK_WINDOW (self), heading, body,
                                     "remove", _("_Remove"), ADW_RESPONSE_DESTRUCTIVE);
  g_object_set_data_full (G_OBJECT (dialog), "obeya-entity", g_object_ref (entity), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- model → widgets ------------------------------------------------------------ */

static void
refresh (ObeyaPeopleDialog *self)
{
  GListModel *people = obeya_workspace_get_people (self->workspace);

  self->updating++;
  sync_rows (self, self->people_list, GTK_WIDGET (self->add_person_row), self->person_rows,
             people, "assignees");
  sync_rows (self, self->tags_list, GTK_WIDGET (self->add_tag_row), self->tag_rows,
             obeya_workspace_get_tags (self->workspace), "tags");

  gtk_widget_set_visible (GTK_WIDGET (self->me_group), self->settings != NULL);
  if (self->settings != NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) names = NULL;
      g_autofree char *me = settings_dup_me (self->settings, self->workspace_key);
      guint selected = 0;

      g_strv_builder_add (builder, _("Nobody"));
      for (guint i = 0; i < g_list_model_get_n_items (people); i++)
        {
          g_autoptr(ObeyaPerson) person = g_list_model_get_item (people, i);

          g_strv_builder_add (builder, obeya_person_get_name (person));
          if (g_strcmp0 (me, obeya_entity_get_id (OBEYA_ENTITY (person))) == 0)
            selected = i + 1;
        }
      names = g_strv_builder_end (builder);
      obeya_string_list_set_strings (self->me_names, (const char * const *) names);
      adw_combo_row_set_selected (self->me_row, selected);
    }
  self->updating--;
}

static void
workspace_changed_cb (ObeyaPeopleDialog *self)
{
  refresh (self);
}

static gboolean
obeya_people_dialog_close_request (GtkWindow *window)
{
  ObeyaPeopleDialog *self = OBEYA_PEOPLE_DIALOG (window);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  /* A name being typed in a row is committed, as leaving the row would. */
  for (guint i = 0; focus != NULL && i < self->person_rows->len + self->tag_rows->len; i++)
    {
      GtkWidget *row = i < self->person_rows->len ? self->person_rows->pdata[i]
                                                  : self->tag_rows->pdata[i - self->person_rows->len];

      if (gtk_widget_is_ancestor (focus, row))
        commit_name (self, ADW_ENTRY_ROW (row));
    }
  if (GTK_WINDOW_CLASS (obeya_people_dialog_parent_class)->close_request != NULL)
    return GTK_WINDOW_CLASS (obeya_people_dialog_parent_class)->close_request (window);
  return FALSE;
}

/* ---- GObject --------------------------------------------------------------------- */

static void
obeya_people_dialog_dispose (GObject *object)
{
  ObeyaPeopleDialog *self = OBEYA_PEOPLE_DIALOG (object);

  /* Nothing acts on the model while the widgets are torn down (a focused
   * entry losing focus would commit). */
  self->updating++;

  g_clear_signal_handler (&self->changed_id, self->workspace);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), OBEYA_TYPE_PEOPLE_DIALOG);
  g_clear_pointer (&self->person_rows, g_ptr_array_unref);
  g_clear_pointer (&self->tag_rows, g_ptr_array_unref);
  g_clear_object (&self->me_names);
  g_clear_object (&self->settings);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (obeya_people_dialog_parent_class)->dispose (object);
}

static void
obeya_people_dialog_finalize (GObject *object)
{
  ObeyaPeopleDialog *self = OBEYA_PEOPLE_DIALOG (object);

  g_clear_pointer (&self->workspace_key, g_free);

  G_OBJECT_CLASS (obeya_people_dialog_parent_class)->finalize (object);
}

static void
obeya_people_dialog_class_init (ObeyaPeopleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = obeya_people_dialog_dispose;
  object_class->finalize = obeya_people_dialog_finalize;
  window_class->close_request = obeya_people_dialog_close_request;

  g_type_ensure (OBEYA_TYPE_TAG_COLOR_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/obeya/Obeya/obeya-people-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ObeyaPeopleDialog, me_group);
  gtk_widget_class_bind_template_child (widget_class, ObeyaPeopleDialog, me_row);
  gtk_widget_class_bind_template_child (widget_class, ObeyaPeopleDialog, people_list);
  gtk_widget_class_bind_template_child (widget_class, ObeyaPeopleDialog, add_person_row);
  gtk_widget_class_bind_template_child (widget_class, ObeyaPeopleDialog, tags_list);
  gtk_widget_class_bind_template_child (widget_class, ObeyaPeopleDialog, add_tag_row);
  gtk_widget_class_bind_template_child (widget_class, ObeyaPeopleDialog, add_tag_color);
  gtk_widget_class_bind_template_callback (widget_class, me_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_person_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_tag_cb);

  /**
   * ObeyaPeopleDialog|people.remove-person:
   * @parameter: the person's id
   *
   * Asks (saying how many cards they are assigned to), then removes the
   * person and unassigns them everywhere, as one undoable command.
   */
  gtk_widget_class_install_action (widget_class, "people.remove-person", "s", remove_action);
  /**
   * ObeyaPeopleDialog|people.remove-tag:
   * @parameter: the tag's id
   *
   * Asks, then removes the tag from the workspace and every card.
   */
  gtk_widget_class_install_action (widget_class, "people.remove-tag", "s", remove_action);

  obeya_dialog_class_add_escape (widget_class);
}

static void
obeya_people_dialog_init (ObeyaPeopleDialog *self)
{
  GtkExpression *expression;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->person_rows = g_ptr_array_new ();
  self->tag_rows = g_ptr_array_new ();
  self->me_names = gtk_string_list_new (NULL);
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  adw_combo_row_set_expression (self->me_row, expression);
  gtk_expression_unref (expression);
  adw_combo_row_set_model (self->me_row, G_LIST_MODEL (self->me_names));
}

ObeyaPeopleDialog *
obeya_people_dialog_new (GtkWindow      *parent,
                         ObeyaWorkspace *workspace,
                         const char     *workspace_key)
{
  ObeyaPeopleDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (OBEYA_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (OBEYA_TYPE_PEOPLE_DIALOG, NULL);
  obeya_dialog_init_window (GTK_WINDOW (self), parent, 600, 720);
  self->workspace = g_object_ref (workspace);
  self->workspace_key = g_strdup (workspace_key);
  if (workspace_key != NULL)
    self->settings = new_settings ();
  if (self->settings != NULL)
    g_signal_connect_swapped (self->settings, "changed::" ME_KEY,
                              G_CALLBACK (settings_changed_cb), self);
  self->changed_id = g_signal_connect_swapped (workspace, "changed",
                                               G_CALLBACK (workspace_changed_cb), self);
  obeya_tag_color_button_set_color (self->add_tag_color, obeya_tag_color_suggest (workspace));
  refresh (self);
  return self;
}
