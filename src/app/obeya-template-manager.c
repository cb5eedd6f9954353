/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <glib/gi18n.h>

#include "obeya-area.h"
#include "obeya-audit.h"
#include "obeya-audit-item.h"
#include "obeya-audit-template.h"
#include "obeya-audits.h"
#include "obeya-dialog-util.h"
#include "obeya-file.h"
#include "obeya-fives-util.h"
#include "obeya-template-manager.h"
#include "obeya-util.h"
#include "obeya-workspace.h"

/* The widgets of one item, kept while the item exists so that an expanded
 * row stays expanded and text being typed stays. */
typedef struct
{
  ObeyaTemplateManager *manager;  /* unowned */
  ObeyaAuditItem       *item;
  GtkWidget            *expander;
  GtkWidget            *question;
  GtkWidget            *anchors[OBEYA_AUDIT_N_ANCHORS];
  GtkWidget            *guidance;
  GtkWidget            *allows_na;
  GtkWidget            *evidence;
  GtkWidget            *up;
  GtkWidget            *down;
  GtkWidget            *remove;
  char                 *shown_question;
  char                 *shown_anchors[OBEYA_AUDIT_N_ANCHORS];
  char                 *shown_guidance;
} ItemRows;

struct _ObeyaTemplateManager
{
  AdwWindow            parent_instance;

  ObeyaWorkspace      *workspace;
  ObeyaAudits         *audits;
  ObeyaAuditTemplate  *template_;
  GHashTable          *item_rows;   /* ObeyaAuditItem → ItemRows */
  AdwPreferencesGroup *groups[OBEYA_FIVE_S_N];
  GPtrArray           *group_rows[OBEYA_FIVE_S_N];  /* the expanders shown, in order */
  GPtrArray           *template_rows;
  char                *shown_name;
  guint                refresh_idle;
  gboolean             syncing;

  /* template */
  AdwToastOverlay     *toast_overlay;
  GtkListBox          *templates_list;
  GtkStack            *stack;
  AdwPreferencesPage  *page;
  AdwEntryRow         *name_row;
  AdwActionRow        *info_row;
  GtkWidget           *delete_button;
};

G_DEFINE_FINAL_TYPE (ObeyaTemplateManager, obeya_template_manager, ADW_TYPE_WINDOW)

static void refresh (ObeyaTemplateManager *self);

static gboolean
writable (ObeyaTemplateManager *self)
{
  return !obeya_workspace_get_read_only (self->workspace);
}

static void
item_rows_free (gpointer data)
{
  ItemRows *rows = data;

  g_object_unref (rows->item);
  g_object_unref (rows->expander);
  g_free (rows->shown_question);
  g_free (rows->shown_guidance);
  for (guint i = 0; i < OBEYA_AUDIT_N_ANCHORS; i++)
    g_free (rows->shown_anchors[i]);
  g_free (rows);
}

/* Does any audit have a score, note or photo for @item? Then removing it retires it. */
static gboolean
item_is_used (ObeyaTemplateManager *self,
              ObeyaAuditItem       *item)
{
  GListModel *audits = obeya_audits_get_audits (self->audits);
  const char *id = obeya_entity_get_id (OBEYA_ENTITY (item));

  for (guint i = 0; i < g_list_model_get_n_items (audits); i++)
    {
      g_autoptr(ObeyaAudit) audit = g_list_model_get_item (audits, i);

      if (obeya_audit_get_entry (audit, id) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* ---- the template list ------------------------------------------------------------------ */

static GtkWidget *
new_template_row (gpointer item,
                  gpointer data)
{
  ObeyaAuditTemplate *template_ = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  obeya_row_set_object (row, template_);
  return row;
}

static void
sync_template_rows (ObeyaTemplateManager *self)
{
  GListModel *templates = obeya_audits_get_templates (self->audits);

  obeya_rows_sync (GTK_WIDGET (self->templates_list), NULL, self->template_rows, templates,
                   new_template_row, self);
  for (guint i = 0; i < self->template_rows->len; i++)
    {
      GtkWidget *row = self->template_rows->pdata[i];
      ObeyaAuditTemplate *template_ = obeya_row_get_object (row);
      GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      GtkWidget *name = gtk_widget_get_first_child (box);
      GtkWidget *detail = gtk_widget_get_next_sibling (name);
      g_autoptr(GPtrArray) active = obeya_audit_template_dup_active_items (template_);
      g_autofree char *text = NULL;

      gtk_label_set_label (GTK_LABEL (name), obeya_audit_template_get_name (template_));
      if (obeya_audit_template_get_origin (template_) != NULL)
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Built-in · %u item",
                                             "Built-in · %u items", active->len), active->len);
      else
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Custom · %u item",
                                             "Custom · %u items", active->len), active->len);
      gtk_label_set_label (GTK_LABEL (detail), text);
      if (template_ == self->template_ &&
          gtk_list_box_get_selected_row (self->templates_list) != GTK_LIST_BOX_ROW (row))
        {
          self->syncing = TRUE;
          gtk_list_box_select_row (self->templates_list, GTK_LIST_BOX_ROW (row));
          self->syncing = FALSE;
        }
    }
}

static void
template_row_selected_cb (ObeyaTemplateManager *self,
                          GtkListBoxRow        *row)
{
  if (self->syncing || row == NULL)
    return;
  obeya_template_manager_set_template (self, obeya_row_get_object (row));
}

/* ---- item edits -------------------------------------------------------------------------- */

static void
question_apply_cb (AdwEntryRow *entry,
                   ItemRows    *rows)
{
  g_autofree char *text = obeya_editable_dup_stripped (GTK_EDITABLE (entry));

  if (rows->manager->syncing || text[0] == '\0' ||
      g_strcmp0 (text, obeya_audit_item_get_question (rows->item)) == 0)
    return;
  obeya_audit_template_edit_item (rows->manager->template_, rows->item, "question", text, NULL);
}

static void
anchor_apply_cb (AdwEntryRow *entry,
                 ItemRows    *rows)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "obeya-score"));
  g_autofree char *text = obeya_editable_dup_stripped (GTK_EDITABLE (entry));
  g_auto(GStrv) anchors = g_strdupv ((GStrv) obeya_audit_item_get_anchors (rows->item));

  if (rows->manager->syncing || g_strcmp0 (text, anchors[index]) == 0)
    return;
  g_free (anchors[index]);
  anchors[index] = g_steal_pointer (&text);
  obeya_audit_template_edit_item (rows->manager->template_, rows->item, "anchors", anchors, NULL);
}

static void
guidance_apply_cb (AdwEntryRow *entry,
                   ItemRows    *rows)
{
  g_autofree char *text = obeya_editable_dup_stripped (GTK_EDITABLE (entry));
  const char *guidance = obeya_audit_item_get_guidance (rows->item);

  if (rows->manager->syncing || g_strcmp0 (text, guidance ? guidance : "") == 0)
    return;
  obeya_audit_template_edit_item (rows->manager->template_, rows->item, "guidance",
                                  text[0] ? text : NULL, NULL);
}

static void
allows_na_cb (GtkSwitch  *toggle,
              GParamSpec *pspec,
              ItemRows   *rows)
{
  gboolean active = gtk_switch_get_active (toggle);

  if (rows->manager->syncing || active == obeya_audit_item_get_allows_na (rows->item))
    return;
  obeya_audit_template_edit_item (rows->manager->template_, rows->item, "allows-na", active, NULL);
}

static void
evidence_cb (AdwComboRow *combo,
             GParamSpec  *pspec,
             ItemRows    *rows)
{
  guint selected = adw_combo_row_get_selected (combo);

  if (rows->manager->syncing || selected > OBEYA_SCAN_EVIDENCE_EMPTY_FOLDERS ||
      (ObeyaScanEvidence) selected == obeya_audit_item_get_evidence (rows->item))
    return;
  obeya_audit_template_edit_item (rows->manager->template_, rows->item, "evidence",
                                  (ObeyaScanEvidence) selected, NULL);
}

/* The position in the template's whole list of the neighbour of the same S. */
static int
neighbour_position (ObeyaTemplateManager *self,
                    ObeyaAuditItem       *item,
                    int                   direction)
{
  GListModel *items = obeya_audit_template_get_items (self->template_);
  guint n = g_list_model_get_n_items (items);
  guint position = obeya_model_find (items, item);

  if (position == GTK_INVALID_LIST_POSITION)
    return -1;
  for (int i = (int) position + direction; i >= 0 && i < (int) n; i += direction)
    {
      g_autoptr(ObeyaAuditItem) other = g_list_model_get_item (items, i);

      if (obeya_audit_item_get_s (other) == obeya_audit_item_get_s (item))
        return i;
    }
  return -1;
}

static void
move_clicked_cb (GtkButton *button,
                 ItemRows  *rows)
{
  int direction = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "obeya-direction"));
  int position = neighbour_position (rows->manager, rows->item, direction);

  if (position >= 0)
    obeya_audit_template_move_item (rows->manager->template_, rows->item, position);
}

static void
remove_clicked_cb (GtkButton *button,
                   ItemRows  *rows)
{
  ObeyaTemplateManager *self = rows->manager;

  if (obeya_audit_item_get_retired (rows->item))
    {
      obeya_audit_template_restore_item (self->template_, rows->item);
      obeya_fives_show_toast (GTK_WIDGET (self), _("Item restored: new audits ask it again"),
                              NULL);
    }
  else if (obeya_audit_template_remove_item (self->template_, rows->item))
    obeya_fives_show_toast (GTK_WIDGET (self), _("Item retired: past audits keep it, new audits "
                                                 "no longer ask it"), NULL);
  else
    obeya_fives_show_toast (GTK_WIDGET (self), _("Item removed"), NULL);
}

/* ---- item rows ----------------------------------------------------------------------------- */

static GtkWidget *
new_entry_row (ItemRows   *rows,
               const char *title,
               GCallback   apply)
{
  GtkWidget *entry = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
  g_signal_connect (entry, "apply", apply, rows);
  g_signal_connect (entry, "entry-activated", apply, rows);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (rows->expander), entry);
  return entry;
}

static void sync_item_rows (ObeyaTemplateManager *self,
                            ItemRows             *rows);

/* The fields of an item, made when its row is first expanded: a template
 * of 40 items opens at once. */
static void
ensure_content (ItemRows *rows)
{
  GtkWidget *row, *box;
  const char *evidence[] = {
    _("None"), _("Stale files"), _("Duplicates"), _("Folder depth"), _("File names"),
    _("Empty folders"), NULL
  };

  if (rows->question != NULL)
    return;
  rows->question = new_entry_row (rows, _("Question"), G_CALLBACK (question_apply_cb));
  for (guint i = 0; i < OBEYA_AUDIT_N_ANCHORS; i++)
    {
      /* Translators: the title of the field with what a score looks like */
      g_autofree char *title = g_strdup_printf (_("What a %u looks like"), i);

      rows->anchors[i] = new_entry_row (rows, title, G_CALLBACK (anchor_apply_cb));
      g_object_set_data (G_OBJECT (rows->anchors[i]), "obeya-score", GUINT_TO_POINTER (i));
    }
  rows->guidance = new_entry_row (rows, _("Guidance for the auditor"),
                                  G_CALLBACK (guidance_apply_cb));

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Allows N/A"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Some areas may not have what it asks about"));
  rows->allows_na = gtk_switch_new ();
  gtk_widget_set_valign (rows->allows_na, GTK_ALIGN_CENTER);
  g_signal_connect (rows->allows_na, "notify::active", G_CALLBACK (allows_na_cb), rows);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), rows->allows_na);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), rows->allows_na);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (rows->expander), row);

  rows->evidence = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->evidence), _("Folder Scan Evidence"));
  adw_combo_row_set_model (ADW_COMBO_ROW (rows->evidence),
                           G_LIST_MODEL (gtk_string_list_new (evidence)));
  g_object_unref (adw_combo_row_get_model (ADW_COMBO_ROW (rows->evidence)));
  g_signal_connect (rows->evidence, "notify::selected", G_CALLBACK (evidence_cb), rows);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (rows->expander), rows->evidence);

  row = adw_action_row_new ();
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  rows->up = gtk_button_new_from_icon_name ("go-up-symbolic");
  gtk_widget_set_tooltip_text (rows->up, _("Move Up"));
  g_object_set_data (G_OBJECT (rows->up), "obeya-direction", GINT_TO_POINTER (-1));
  g_signal_connect (rows->up, "clicked", G_CALLBACK (move_clicked_cb), rows);
  rows->down = gtk_button_new_from_icon_name ("go-down-symbolic");
  gtk_widget_set_tooltip_text (rows->down, _("Move Down"));
  g_object_set_data (G_OBJECT (rows->down), "obeya-direction", GINT_TO_POINTER (1));
  g_signal_connect (rows->down, "clicked", G_CALLBACK (move_clicked_cb), rows);
  rows->remove = gtk_button_new ();
  gtk_widget_set_hexpand (rows->remove, TRUE);
  gtk_widget_set_halign (rows->remove, GTK_ALIGN_END);
  g_signal_connect (rows->remove, "clicked", G_CALLBACK (remove_clicked_cb), rows);
  gtk_box_append (GTK_BOX (box), rows->up);
  gtk_box_append (GTK_BOX (box), rows->down);
  gtk_box_append (GTK_BOX (box), rows->remove);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  gtk_widget_set_hexpand (box, TRUE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (rows->expander), row);
}

static void
expanded_cb (ItemRows *rows)
{
  if (!adw_expander_row_get_expanded (ADW_EXPANDER_ROW (rows->expander)) || rows->question)
    return;
  ensure_content (rows);
  sync_item_rows (rows->manager, rows);
}

static ItemRows *
item_rows_new (ObeyaTemplateManager *self,
               ObeyaAuditItem       *item)
{
  ItemRows *rows = g_new0 (ItemRows, 1);

  rows->manager = self;
  rows->item = g_object_ref (item);
  rows->expander = g_object_ref_sink (adw_expander_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (rows->expander), FALSE);
  g_signal_connect_swapped (rows->expander, "notify::expanded", G_CALLBACK (expanded_cb), rows);
  return rows;
}

static void
sync_item_rows (ObeyaTemplateManager *self,
                ItemRows             *rows)
{
  ObeyaAuditItem *item = rows->item;
  gboolean retired = obeya_audit_item_get_retired (item);
  gboolean editable = !retired && writable (self);
  const char * const *anchors = obeya_audit_item_get_anchors (item);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  ObeyaScanEvidence evidence = obeya_audit_item_get_evidence (item);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->expander),
                                 obeya_audit_item_get_question (item));
  if (retired)
    g_string_append (subtitle, _("Retired: new audits no longer ask it; the audits that scored "
                                 "it keep its text and scores"));
  else
    {
      if (obeya_audit_item_get_allows_na (item))
        g_string_append (subtitle, _("Allows N/A"));
      if (evidence != OBEYA_SCAN_EVIDENCE_NONE)
        {
          if (subtitle->len > 0)
            g_string_append (subtitle, " · ");
          g_string_append (subtitle, _("Folder scan evidence"));
        }
    }
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (rows->expander), subtitle->str);
  if (retired)
    gtk_widget_add_css_class (rows->expander, "obeya-retired");
  else
    gtk_widget_remove_css_class (rows->expander, "obeya-retired");
  if (rows->question == NULL)
    return;

  self->syncing = TRUE;
  obeya_sync_editable (GTK_EDITABLE (rows->question), &rows->shown_question,
                       obeya_audit_item_get_question (item));
  for (guint i = 0; i < OBEYA_AUDIT_N_ANCHORS; i++)
    {
      obeya_sync_editable (GTK_EDITABLE (rows->anchors[i]), &rows->shown_anchors[i], anchors[i]);
      gtk_widget_set_sensitive (rows->anchors[i], editable);
    }
  obeya_sync_editable (GTK_EDITABLE (rows->guidance), &rows->shown_guidance,
                       obeya_audit_item_get_guidance (item));
  gtk_switch_set_active (GTK_SWITCH (rows->allows_na), obeya_audit_item_get_allows_na (item));
  adw_combo_row_set_selected (ADW_COMBO_ROW (rows->evidence), evidence);
  self->syncing = FALSE;

  gtk_widget_set_sensitive (rows->question, editable);
  gtk_widget_set_sensitive (rows->guidance, editable);
  gtk_widget_set_sensitive (gtk_widget_get_parent (rows->allows_na), editable);
  gtk_widget_set_sensitive (rows->evidence, editable);
  gtk_widget_set_sensitive (rows->up, writable (self) && neighbour_position (self, item, -1) >= 0);
  gtk_widget_set_sensitive (rows->down, writable (self) && neighbour_position (self, item, 1) >= 0);
  gtk_widget_set_sensitive (rows->remove, writable (self));
  gtk_widget_remove_css_class (rows->remove, "destructive-action");
  if (retired)
    {
      gtk_button_set_label (GTK_BUTTON (rows->remove), _("_Restore"));
      gtk_widget_set_tooltip_text (rows->remove, _("Ask this item again in new audits"));
    }
  else if (item_is_used (self, item))
    {
      gtk_button_set_label (GTK_BUTTON (rows->remove), _("_Retire"));
      gtk_widget_set_tooltip_text (rows->remove, _("Past audits scored this item, so it is "
                                                   "retired rather than deleted: they keep its "
                                                   "text and their scores"));
    }
  else
    {
      gtk_button_set_label (GTK_BUTTON (rows->remove), _("_Remove"));
      gtk_widget_set_tooltip_text (rows->remove, _("No audit used this item yet: it is deleted"));
      gtk_widget_add_css_class (rows->remove, "destructive-action");
    }
  gtk_button_set_use_underline (GTK_BUTTON (rows->remove), TRUE);
}

/* ---- the S groups ------------------------------------------------------------------------- */

static void
add_item_clicked_cb (GtkButton            *button,
                     ObeyaTemplateManager *self)
{
  ObeyaFiveS s = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "obeya-s"));
  ObeyaAuditItem *item;
  ItemRows *rows;

  if (self->template_ == NULL || !writable (self))
    return;
  item = obeya_audit_template_add_item (self->template_, s, _("New question"), NULL, -1);
  refresh (self);
  rows = g_hash_table_lookup (self->item_rows, item);
  if (rows != NULL)
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (rows->expander), TRUE);
      ensure_content (rows);
      gtk_widget_grab_focus (rows->question);
    }
}

static void
build_groups (ObeyaTemplateManager *self)
{
  for (guint s = 0; s < OBEYA_FIVE_S_N; s++)
    {
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *add = gtk_button_new ();
      GtkWidget *content = adw_button_content_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), obeya_five_s_get_label (s));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             obeya_five_s_get_description (s));
      adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
      adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Add Item"));
      gtk_button_set_child (GTK_BUTTON (add), content);
      gtk_widget_add_css_class (add, "flat");
      gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (add), "obeya-s", GINT_TO_POINTER (s));
      g_signal_connect (add, "clicked", G_CALLBACK (add_item_clicked_cb), self);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);
      adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
      self->groups[s] = ADW_PREFERENCES_GROUP (group);
      self->group_rows[s] = g_ptr_array_new ();
    }
}

static void
sync_groups (ObeyaTemplateManager *self)
{
  GListModel *items = obeya_audit_template_get_items (self->template_);
  guint n = g_list_model_get_n_items (items);
  g_autoptr(GHashTable) alive = g_hash_table_new (NULL, NULL);

  for (guint s = 0; s < OBEYA_FIVE_S_N; s++)
    {
      g_autoptr(GPtrArray) wanted = g_ptr_array_new ();
      gboolean same;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ObeyaAuditItem) item = g_list_model_get_item (items, i);
          ItemRows *rows;

          if (obeya_audit_item_get_s (item) != s)
            continue;
          rows = g_hash_table_lookup (self->item_rows, item);
          if (rows == NULL)
            {
              rows = item_rows_new (self, item);
              g_hash_table_insert (self->item_rows, item, rows);
            }
          g_hash_table_add (alive, item);
          g_ptr_array_add (wanted, rows->expander);
          sync_item_rows (self, rows);
        }

      same = wanted->len == self->group_rows[s]->len;
      for (guint i = 0; same && i < wanted->len; i++)
        same = wanted->pdata[i] == self->group_rows[s]->pdata[i];
      if (same)
        continue;
      for (guint i = 0; i < self->group_rows[s]->len; i++)
        adw_preferences_group_remove (self->groups[s], self->group_rows[s]->pdata[i]);
      g_ptr_array_set_size (self->group_rows[s], 0);
      for (guint i = 0; i < wanted->len; i++)
        {
          adw_preferences_group_add (self->groups[s], wanted->pdata[i]);
          g_ptr_array_add (self->group_rows[s], wanted->pdata[i]);
        }
    }

  /* Rows of items that left (deleted, or undone). */
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, self->item_rows);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      if (!g_hash_table_contains (alive, key))
        g_hash_table_iter_remove (&iter);
  }
}

static void
clear_groups (ObeyaTemplateManager *self)
{
  for (guint s = 0; s < OBEYA_FIVE_S_N; s++)
    {
      for (guint i = 0; i < self->group_rows[s]->len; i++)
        adw_preferences_group_remove (self->groups[s], self->group_rows[s]->pdata[i]);
      g_ptr_array_set_size (self->group_rows[s], 0);
    }
  g_hash_table_remove_all (self->item_rows);
}

/* ---- refresh -------------------------------------------------------------------------------- */

static guint
count_areas_using (ObeyaTemplateManager *self,
                   ObeyaAuditTemplate   *template_,
                   guint                *n_audits)
{
  GListModel *areas = obeya_audits_get_areas (self->audits);
  GListModel *audits = obeya_audits_get_audits (self->audits);
  guint n_areas = 0;

  *n_audits = 0;
  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(ObeyaArea) area = g_list_model_get_item (areas, i);
      n_areas += obeya_area_get_template (area) == template_;
    }
  for (guint i = 0; i < g_list_model_get_n_items (audits); i++)
    {
      g_autoptr(ObeyaAudit) audit = g_list_model_get_item (audits, i);
      *n_audits += obeya_audit_get_template (audit) == template_;
    }
  return n_areas;
}

static void
refresh (ObeyaTemplateManager *self)
{
  GListModel *templates = obeya_audits_get_templates (self->audits);
  g_autofree char *info = NULL;
  guint n_areas, n_audits;

  if (self->template_ != NULL && obeya_model_find (templates, self->template_) ==
                                 GTK_INVALID_LIST_POSITION)
    {
      g_clear_object (&self->template_);
      clear_groups (self);
    }
  if (self->template_ == NULL && g_list_model_get_n_items (templates) > 0)
    {
      g_autoptr(ObeyaAuditTemplate) first = g_list_model_get_item (templates, 0);
      g_set_object (&self->template_, first);
    }
  sync_template_rows (self);

  if (self->template_ == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "template");

  self->syncing = TRUE;
  obeya_sync_editable (GTK_EDITABLE (self->name_row), &self->shown_name,
                       obeya_audit_template_get_name (self->template_));
  self->syncing = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), writable (self));

  n_areas = count_areas_using (self, self->template_, &n_audits);
  /* Translators: about a template: its version, and what uses it */
  info = g_strdup_printf (_("Version %u · used by %u areas and %u audits"),
                          obeya_audit_template_get_version (self->template_), n_areas, n_audits);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->info_row), info);
  adw_action_row_set_subtitle (self->info_row,
                               _("Audits remember the version they were scored against"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "templates.delete",
                                 writable (self) && n_areas == 0 && n_audits == 0);
  gtk_widget_set_tooltip_text (self->delete_button, n_areas || n_audits
                               ? _("In use by areas or audits: it cannot be deleted")
                               : _("Delete the Template"));
  sync_groups (self);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  ObeyaTemplateManager *self = data;

  self->refresh_idle = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (ObeyaTemplateManager *self)
{
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh_idle_cb, self);
}

static void
name_apply_cb (ObeyaTemplateManager *self)
{
  g_autofree char *name = obeya_editable_dup_stripped (GTK_EDITABLE (self->name_row));

  if (self->syncing || self->template_ == NULL || name[0] == '\0' ||
      g_strcmp0 (name, obeya_audit_template_get_name (self->template_)) == 0)
    return;
  obeya_entity_edit (OBEYA_ENTITY (self->template_), _("Rename template"), "name", name, NULL);
}

/* ---- actions -------------------------------------------------------------------------------- */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ObeyaTemplateManager *self = OBEYA_TEMPLATE_MANAGER (widget);
  g_autoptr(ObeyaAuditTemplate) template_ = obeya_audit_template_new (_("New template"));

  obeya_audits_add_template (self->audits, template_);
  obeya_template_manager_set_template (self, template_);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
add_builtin_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ObeyaTemplateManager *self = OBEYA_TEMPLATE_MANAGER (widget);
  g_autoptr(GError) error = NULL;
  ObeyaAuditTemplate *template_;

  template_ = obeya_audits_add_builtin_template (self->audits,
                                                 g_variant_get_string (parameter, NULL), &error);
  if (template_ == NULL)
    obeya_fives_show_toast (widget, error->message, NULL);
  else
    obeya_template_manager_set_template (self, template_);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ObeyaTemplateManager *self = OBEYA_TEMPLATE_MANAGER (widget);
  g_autofree char *name = NULL;

  if (self->template_ == NULL)
    return;
  /* Translators: the name of a copied template; %s is the original's name */
  name = g_strdup_printf (_("Copy of %s"), obeya_audit_template_get_name (self->template_));
  obeya_template_manager_set_template (self, obeya_audits_copy_template (self->audits,
                                                                         self->template_, name));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ObeyaTemplateManager *self = OBEYA_TEMPLATE_MANAGER (widget);
  g_autoptr(GError) error = NULL;

  if (self->template_ == NULL)
    return;
  if (!obeya_audits_remove_template (self->audits, self->template_, &error))
    obeya_fives_show_toast (widget, error->message, NULL);
  else
    obeya_fives_show_toast (widget, _("Template deleted"), NULL);
}

static void
export_response_cb (GtkNativeDialog      *dialog,
                    int                   response,
                    ObeyaTemplateManager *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (response != GTK_RESPONSE_ACCEPT || self->template_ == NULL)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  bytes = obeya_audit_template_export (self->template_, &error);
  obeya_fives_export_bytes (GTK_WIDGET (self), file, bytes, error);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ObeyaTemplateManager *self = OBEYA_TEMPLATE_MANAGER (widget);
  GtkFileChooser *chooser;
  g_autofree char *name = NULL;

  if (self->template_ == NULL)
    return;
  chooser = obeya_fives_file_chooser_new (GTK_WINDOW (self), _("Export Template"),
                                          GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                          G_CALLBACK (export_response_cb), self);
  name = g_strdup_printf ("%s.json", obeya_audit_template_get_name (self->template_));
  gtk_file_chooser_set_current_name (chooser, name);
  obeya_fives_file_chooser_add_filter (chooser, _("5S templates (JSON)"), NULL, "*.json");
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_response_cb (GtkNativeDialog      *dialog,
                    int                   response,
                    ObeyaTemplateManager *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  ObeyaAuditTemplate *template_;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  template_ = obeya_fives_import_template (self->audits, file, &error);
  if (template_ != NULL)
    obeya_template_manager_set_template (self, template_);
  else
    {
      /* Translators: %s says why */
      g_autofree char *message = g_strdup_printf (_("Could not import: %s"), error->message);
      obeya_fives_show_toast (GTK_WIDGET (self), message, NULL);
    }
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ObeyaTemplateManager *self = OBEYA_TEMPLATE_MANAGER (widget);

  obeya_fives_choose_template_file (GTK_WINDOW (self), G_CALLBACK (import_response_cb), self);
}

/* ---- GObject -------------------------------------------------------------------------------- */

static void
obeya_template_manager_dispose (GObject *object)
{
  ObeyaTemplateManager *self = OBEYA_TEMPLATE_MANAGER (object);

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_pointer (&self->item_rows, g_hash_table_unref);
  g_clear_pointer (&self->template_rows, g_ptr_array_unref);
  for (guint s = 0; s < OBEYA_FIVE_S_N; s++)
    g_clear_pointer (&self->group_rows[s], g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), OBEYA_TYPE_TEMPLATE_MANAGER);
  g_clear_object (&self->template_);
  g_clear_object (&self->workspace);
  G_OBJECT_CLASS (obeya_template_manager_parent_class)->dispose (object);
}

static void
obeya_template_manager_finalize (GObject *object)
{
  ObeyaTemplateManager *self = OBEYA_TEMPLATE_MANAGER (object);

  g_free (self->shown_name);
  G_OBJECT_CLASS (obeya_template_manager_parent_class)->finalize (object);
}

static void
obeya_template_manager_class_init (ObeyaTemplateManagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = obeya_template_manager_dispose;
  object_class->finalize = obeya_template_manager_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/obeya/Obeya/obeya-template-manager.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ObeyaTemplateManager, name)
  BIND (toast_overlay);
  BIND (templates_list);
  BIND (stack);
  BIND (page);
  BIND (name_row);
  BIND (info_row);
  BIND (delete_button);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, template_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_apply_cb);

  gtk_widget_class_install_action (widget_class, "templates.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "templates.add-builtin", "s", add_builtin_action);
  gtk_widget_class_install_action (widget_class, "templates.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "templates.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "templates.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "templates.import", NULL, import_action);
  obeya_dialog_class_add_escape (widget_class);
}

static void
obeya_template_manager_init (ObeyaTemplateManager *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->item_rows = g_hash_table_new_full (NULL, NULL, NULL, item_rows_free);
  self->template_rows = g_ptr_array_new ();
  build_groups (self);
}

ObeyaTemplateManager *
obeya_template_manager_new (GtkWindow      *parent,
                            ObeyaWorkspace *workspace)
{
  ObeyaTemplateManager *self;

  g_return_val_if_fail (OBEYA_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (OBEYA_TYPE_TEMPLATE_MANAGER, NULL);
  obeya_dialog_init_window (GTK_WINDOW (self), parent, 1000, 760);
  self->workspace = g_object_ref (workspace);
  self->audits = obeya_workspace_get_audits (workspace);
  g_signal_connect_object (workspace, "changed", G_CALLBACK (schedule_refresh), self,
                           G_CONNECT_SWAPPED);
  refresh (self);
  return self;
}

ObeyaAuditTemplate *
obeya_template_manager_get_template (ObeyaTemplateManager *self)
{
  g_return_val_if_fail (OBEYA_IS_TEMPLATE_MANAGER (self), NULL);

  return self->template_;
}

void
obeya_template_manager_set_template (ObeyaTemplateManager *self,
                                     ObeyaAuditTemplate   *template_)
{
  g_return_if_fail (OBEYA_IS_TEMPLATE_MANAGER (self));
  g_return_if_fail (template_ == NULL || OBEYA_IS_AUDIT_TEMPLATE (template_));

  if (template_ != self->template_)
    {
      clear_groups (self);
      g_set_object (&self->template_, template_);
      g_clear_pointer (&self->shown_name, g_free);
    }
  refresh (self);
}
