/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <glib/gi18n.h>

#include "obeya-audit.h"
#include "obeya-audit-item.h"
#include "obeya-audit-item-pane.h"
#include "obeya-audit-template.h"
#include "obeya-card.h"
#include "obeya-fives-util.h"
#include "obeya-photo-thumbnail.h"

/* Buttons 0–4, then N/A. */
#define N_BUTTONS (OBEYA_SCORE_MAX + 2)
#define NA_INDEX  (OBEYA_SCORE_MAX + 1)

struct _ObeyaAuditItemPane
{
  GtkWidget       parent_instance;

  ObeyaAudit     *audit;
  ObeyaAuditItem *item;
  GFile          *workspace_file;
  guint           index;
  guint           n_items;
  gboolean        expanded;
  gboolean        editable;
  char           *shown_note;   /* the model's note when last shown */
  GStrv           shown_photos;
  char           *shown_actions; /* what the action buttons show, to rebuild them on change */
  gpointer        shown_anchors_item;
  guint           shown_anchors_version;
  GtkWidget      *anchor_buttons[N_BUTTONS];  /* made when first expanded */
  GtkWidget      *compact_buttons[N_BUTTONS];

  /* template */
  GtkWidget      *box;
  GtkLabel       *s_label;
  GtkLabel       *position_label;
  GtkLabel       *state_label;
  GtkLabel       *question_label;
  GtkWidget      *guidance_box;
  GtkLabel       *guidance_label;
  GtkWidget      *evidence_box;
  GtkLabel       *evidence_label;
  GtkWidget      *anchors_box;
  GtkWidget      *compact_box;
  GtkWidget      *compact_button_box;
  GtkLabel       *compact_anchor_label;
  GtkWidget      *note_box;
  GtkWidget      *note_title;
  GtkTextView    *note_view;
  GtkWidget      *note_placeholder;
  GtkLabel       *note_label;
  GtkFlowBox     *photos_box;
  GtkWidget      *actions_box;
  GtkWidget      *buttons_box;
  GtkWidget      *photo_button;
  GtkWidget      *action_button;
};

G_DEFINE_FINAL_TYPE (ObeyaAuditItemPane, obeya_audit_item_pane, GTK_TYPE_WIDGET)

static const char *
item_id (ObeyaAuditItemPane *self)
{
  return self->item ? obeya_entity_get_id (OBEYA_ENTITY (self->item)) : NULL;
}

static int
button_score (guint index)
{
  return index == NA_INDEX ? OBEYA_SCORE_NA : (int) index;
}

static void
set_score_action (GtkWidget *button,
                  const char *id,
                  int         score)
{
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new ("(si)", id ? id : "", score));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "walk.score-item");
}

/* ---- the score buttons --------------------------------------------------------- */

static GtkWidget *
new_anchor_button (guint index)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 14);
  GtkWidget *digit = gtk_label_new (NULL);
  GtkWidget *text = gtk_label_new (NULL);

  if (index == NA_INDEX)
    /* Translators: the N/A score button; keep it short */
    gtk_label_set_label (GTK_LABEL (digit), _("N/A"));
  else
    {
      g_autofree char *number = g_strdup_printf ("%u", index);
      gtk_label_set_label (GTK_LABEL (digit), number);
    }
  gtk_widget_add_css_class (digit, "obeya-score-digit");
  gtk_widget_set_valign (digit, GTK_ALIGN_CENTER);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), digit);
  gtk_box_append (GTK_BOX (box), text);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_widget_add_css_class (button, "obeya-anchor");
  gtk_widget_add_css_class (button, index == NA_INDEX ? "obeya-anchor-na"
                                                       : "obeya-anchor-score");
  g_object_set_data (G_OBJECT (button), "obeya-anchor-text", text);
  return button;
}

static void score_button_clicked_cb (ObeyaAuditItemPane *self);

static void
ensure_anchor_buttons (ObeyaAuditItemPane *self)
{
  if (self->anchor_buttons[0] != NULL)
    return;
  for (guint i = 0; i < N_BUTTONS; i++)
    {
      self->anchor_buttons[i] = new_anchor_button (i);
      gtk_box_append (GTK_BOX (self->anchors_box), self->anchor_buttons[i]);
      g_signal_connect_object (self->anchor_buttons[i], "clicked",
                               G_CALLBACK (score_button_clicked_cb), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }
}

static void
update_anchor_texts (ObeyaAuditItemPane *self)
{
  ObeyaAuditTemplate *template_;

  if (self->anchor_buttons[0] == NULL || self->item == NULL)
    return;
  /* The texts change with the item, or with an edit of its template. */
  template_ = obeya_audit_item_get_template (self->item);
  if (self->shown_anchors_item == self->item && template_ != NULL &&
      self->shown_anchors_version == obeya_audit_template_get_version (template_))
    return;
  self->shown_anchors_item = self->item;
  self->shown_anchors_version = template_ ? obeya_audit_template_get_version (template_) : 0;
  for (guint i = 0; i < N_BUTTONS; i++)
    {
      GtkWidget *button = self->anchor_buttons[i];
      GtkLabel *text = g_object_get_data (G_OBJECT (button), "obeya-anchor-text");
      const char *anchor;
      g_autofree char *accessible = NULL;

      if (i == NA_INDEX)
        /* Translators: beside the N/A button of a 5S item */
        anchor = _("Does not apply here");
      else
        {
          anchor = obeya_audit_item_get_anchor (self->item, i);
          if (anchor == NULL || anchor[0] == '\0')
            /* Translators: a score of a 5S item whose template gives no anchor text */
            anchor = _("No description");
        }
      gtk_label_set_label (text, anchor);
      if (i == NA_INDEX)
        accessible = g_strdup_printf (_("Not applicable: %s"), anchor);
      else
        /* Translators: accessible name of a score button: the score, then what it means */
        accessible = g_strdup_printf (_("Score %u: %s"), i, anchor);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible, -1);
      set_score_action (button, item_id (self), button_score (i));
      gtk_widget_set_visible (button, i != NA_INDEX ||
                                      obeya_audit_item_get_allows_na (self->item));
    }
}

static void
update_score_buttons (ObeyaAuditItemPane *self,
                      int                 score)
{
  for (guint i = 0; i < N_BUTTONS; i++)
    {
      gboolean chosen = button_score (i) == score;

      if (self->anchor_buttons[i] != NULL)
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->anchor_buttons[i]), chosen);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->compact_buttons[i]), chosen);
      gtk_widget_set_visible (self->compact_buttons[i],
                              i != NA_INDEX || (self->item != NULL &&
                                                obeya_audit_item_get_allows_na (self->item)));
      set_score_action (self->compact_buttons[i], item_id (self), button_score (i));
    }
}

/* The toggle buttons flip themselves on a click; the model says what is chosen. */
static void
score_button_clicked_cb (ObeyaAuditItemPane *self)
{
  obeya_audit_item_pane_refresh (self);
}

/* ---- note -------------------------------------------------------------------------- */

static char *
dup_note_text (ObeyaAuditItemPane *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_strstrip (text);
}

void
obeya_audit_item_pane_commit_note (ObeyaAuditItemPane *self)
{
  g_autofree char *text = NULL;
  const ObeyaAuditEntry *entry;

  g_return_if_fail (OBEYA_IS_AUDIT_ITEM_PANE (self));

  if (self->audit == NULL || self->item == NULL || !self->editable)
    return;
  text = dup_note_text (self);
  entry = obeya_audit_get_entry (self->audit, item_id (self));
  if (g_strcmp0 (text[0] ? text : NULL, entry ? entry->note : NULL) == 0)
    return;
  obeya_audit_set_note (self->audit, item_id (self), text[0] ? text : NULL);
}

static void
update_placeholder (ObeyaAuditItemPane *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);

  gtk_widget_set_visible (self->note_placeholder, gtk_text_buffer_get_char_count (buffer) == 0 &&
                                                  !gtk_widget_has_focus (GTK_WIDGET (self->note_view)));
}

static void
note_focus_enter_cb (ObeyaAuditItemPane *self)
{
  update_placeholder (self);
}

static void
note_focus_leave_cb (ObeyaAuditItemPane *self)
{
  update_placeholder (self);
  obeya_audit_item_pane_commit_note (self);
}

static gboolean
note_key_pressed_cb (ObeyaAuditItemPane    *self,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkEventControllerKey *controller)
{
  if (keyval == GDK_KEY_Escape)
    {
      obeya_audit_item_pane_commit_note (self);
      gtk_widget_grab_focus (GTK_WIDGET (self));
      return TRUE;
    }
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_CONTROL_MASK))
    {
      obeya_audit_item_pane_commit_note (self);
      gtk_widget_grab_focus (GTK_WIDGET (self));
      gtk_widget_activate_action (GTK_WIDGET (self), "walk.next", NULL);
      return TRUE;
    }
  return FALSE;
}

void
obeya_audit_item_pane_focus_note (ObeyaAuditItemPane *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter end;

  g_return_if_fail (OBEYA_IS_AUDIT_ITEM_PANE (self));

  if (!self->expanded || !self->editable)
    return;
  buffer = gtk_text_view_get_buffer (self->note_view);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
}

/* ---- photos and actions ---------------------------------------------------------- */

static GtkWidget *
new_photo_child (ObeyaAuditItemPane *self,
                 const char         *path)
{
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *open = gtk_button_new ();
  g_autoptr(GFile) file = self->workspace_file
                          ? obeya_audit_resolve_photo (self->workspace_file, path) : NULL;
  GVariant *target = g_variant_new ("(ss)", item_id (self), path);

  if (file == NULL)
    file = g_file_new_for_path (path); /* shown as missing */
  gtk_button_set_child (GTK_BUTTON (open), obeya_photo_thumbnail_new (file));
  gtk_widget_add_css_class (open, "obeya-photo-button");
  gtk_widget_set_focus_on_click (open, FALSE);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (open), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "walk.open-photo");
  gtk_overlay_set_child (GTK_OVERLAY (overlay), open);

  if (self->editable)
    {
      GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");

      gtk_widget_set_halign (remove, GTK_ALIGN_END);
      gtk_widget_set_valign (remove, GTK_ALIGN_START);
      gtk_widget_set_margin_top (remove, 4);
      gtk_widget_set_margin_end (remove, 4);
      gtk_widget_add_css_class (remove, "osd");
      gtk_widget_add_css_class (remove, "circular");
      gtk_widget_set_tooltip_text (remove, _("Remove Photo"));
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove),
                                              g_variant_new ("(ss)", item_id (self), path));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "walk.remove-photo");
      gtk_overlay_add_overlay (GTK_OVERLAY (overlay), remove);
    }
  return overlay;
}

static void
refresh_photos (ObeyaAuditItemPane *self,
                const char * const *photos)
{
  GtkWidget *child;
  gboolean same = (photos == NULL && self->shown_photos == NULL) ||
                  (photos != NULL && self->shown_photos != NULL &&
                   g_strv_equal (photos, (const char * const *) self->shown_photos));

  gtk_widget_set_visible (GTK_WIDGET (self->photos_box), photos != NULL && photos[0] != NULL);
  if (same && g_object_get_data (G_OBJECT (self->photos_box), "obeya-editable") ==
              GINT_TO_POINTER (self->editable + 1))
    return;

  g_strfreev (self->shown_photos);
  self->shown_photos = g_strdupv ((GStrv) photos);
  g_object_set_data (G_OBJECT (self->photos_box), "obeya-editable",
                     GINT_TO_POINTER (self->editable + 1));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->photos_box))) != NULL)
    gtk_flow_box_remove (self->photos_box, child);
  for (guint i = 0; photos != NULL && photos[i] != NULL; i++)
    gtk_flow_box_append (self->photos_box, new_photo_child (self, photos[i]));
}

static void
refresh_actions (ObeyaAuditItemPane *self)
{
  g_autoptr(GArray) actions = obeya_audit_list_actions (self->audit);
  g_autoptr(GString) key = g_string_new (item_id (self));
  GtkWidget *child;
  guint shown = 0;

  /* Rebuilt only when what they show changed. */
  for (guint i = 0; i < actions->len; i++)
    {
      const ObeyaAuditAction *action = &g_array_index (actions, ObeyaAuditAction, i);

      if (g_strcmp0 (action->item_id, item_id (self)) == 0)
        g_string_append_printf (key, "|%s|%s|%s|%d", action->card_id,
                                action->card ? obeya_card_get_title (action->card) : "",
                                action->column_name ? action->column_name : "", action->done);
    }
  if (g_strcmp0 (key->str, self->shown_actions) == 0)
    return;
  g_free (self->shown_actions);
  self->shown_actions = g_strdup (key->str);

  while ((child = gtk_widget_get_first_child (self->actions_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->actions_box), child);

  for (guint i = 0; i < actions->len; i++)
    {
      const ObeyaAuditAction *action = &g_array_index (actions, ObeyaAuditAction, i);
      GtkWidget *button, *content;
      g_autofree char *text = NULL;

      if (g_strcmp0 (action->item_id, item_id (self)) != 0)
        continue;
      if (action->card == NULL)
        text = g_strdup (_("Corrective action (card deleted)"));
      else
        /* Translators: a corrective action: the card's title, then its column */
        text = g_strdup_printf (_("%s · %s"), obeya_card_get_title (action->card),
                                action->done ? _("Done") : action->column_name);
      content = adw_button_content_new ();
      adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content),
                                        action->done ? "emblem-ok-symbolic" : "task-due-symbolic");
      adw_button_content_set_label (ADW_BUTTON_CONTENT (content), text);
      button = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (button), content);
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_focus_on_click (button, FALSE);
      gtk_widget_set_tooltip_text (button, _("Open the card"));
      gtk_widget_set_sensitive (button, action->card != NULL);
      if (action->card != NULL)
        {
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", action->card_id);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "walk.open-card");
        }
      gtk_box_append (GTK_BOX (self->actions_box), button);
      shown++;
    }
  gtk_widget_set_visible (self->actions_box, shown > 0);
}

/* ---- refresh ------------------------------------------------------------------------ */

static const char *
s_nick (ObeyaFiveS s)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (OBEYA_TYPE_FIVE_S);
  GEnumValue *value = g_enum_get_value (klass, s);

  return value ? value->value_nick : "sort";
}

void
obeya_audit_item_pane_refresh (ObeyaAuditItemPane *self)
{
  const ObeyaAuditEntry *entry;
  g_autofree char *evidence = NULL;
  g_autofree char *position = NULL;
  g_autofree char *s_class = NULL;
  const char *guidance;
  const char *note;
  int score;

  g_return_if_fail (OBEYA_IS_AUDIT_ITEM_PANE (self));

  if (self->audit == NULL || self->item == NULL)
    return;

  entry = obeya_audit_get_entry (self->audit, item_id (self));
  score = entry ? entry->score : OBEYA_SCORE_UNSCORED;
  note = entry ? entry->note : NULL;

  /* S chip, position, state */
  for (guint s = 0; s < OBEYA_FIVE_S_N; s++)
    {
      g_autofree char *name = g_strdup_printf ("s-%s", s_nick (s));
      gtk_widget_remove_css_class (GTK_WIDGET (self->s_label), name);
    }
  s_class = g_strdup_printf ("s-%s", s_nick (obeya_audit_item_get_s (self->item)));
  gtk_widget_add_css_class (GTK_WIDGET (self->s_label), s_class);
  gtk_label_set_label (self->s_label, obeya_five_s_get_label (obeya_audit_item_get_s (self->item)));
  /* Translators: where an item is in the audit: "Item 3 of 20" */
  position = g_strdup_printf (_("Item %u of %u"), self->index + 1, self->n_items);
  gtk_label_set_label (self->position_label, position);

  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "scored");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "dim-label");
  if (score >= 0)
    {
      /* Translators: the state of a 5S item: "Scored 3" */
      g_autofree char *text = g_strdup_printf (_("Scored %d"), score);
      gtk_label_set_label (self->state_label, text);
      gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "scored");
    }
  else if (score == OBEYA_SCORE_NA)
    {
      gtk_label_set_label (self->state_label, _("Not applicable"));
      gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "scored");
    }
  else
    {
      gtk_label_set_label (self->state_label, _("Not scored"));
      gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "dim-label");
    }

  /* Question, guidance, evidence */
  gtk_label_set_label (self->question_label, obeya_audit_item_get_question (self->item));
  gtk_widget_remove_css_class (GTK_WIDGET (self->question_label), self->expanded ? "heading"
                                                                                  : "title-3");
  gtk_widget_add_css_class (GTK_WIDGET (self->question_label), self->expanded ? "title-3"
                                                                               : "heading");
  guidance = obeya_audit_item_get_guidance (self->item);
  gtk_label_set_label (self->guidance_label, guidance ? guidance : "");
  gtk_widget_set_visible (self->guidance_box, self->expanded && guidance && guidance[0]);
  evidence = obeya_audit_describe_evidence (self->audit, self->item);
  gtk_label_set_label (self->evidence_label, evidence ? evidence : "");
  gtk_widget_set_visible (self->evidence_box, self->expanded && evidence != NULL);

  /* Scores */
  if (self->expanded)
    {
      ensure_anchor_buttons (self);
      update_anchor_texts (self);
    }
  gtk_widget_set_visible (self->anchors_box, self->expanded);
  gtk_widget_set_visible (self->compact_box, !self->expanded);
  update_score_buttons (self, score);
  if (score >= 0)
    gtk_label_set_label (self->compact_anchor_label, obeya_audit_item_get_anchor (self->item,
                                                                                  score));
  else
    gtk_label_set_label (self->compact_anchor_label, "");
  gtk_widget_set_sensitive (self->anchors_box, self->editable);
  gtk_widget_set_sensitive (self->compact_button_box, self->editable);

  /* Note: the field when expanded and editable, else a label. A note being
   * typed is not replaced unless the model's note changed meanwhile. */
  if (g_strcmp0 (note, self->shown_note) != 0 ||
      !gtk_widget_has_focus (GTK_WIDGET (self->note_view)))
    {
      g_autofree char *typed = dup_note_text (self);

      if (g_strcmp0 (typed, note ? note : "") != 0 &&
          (g_strcmp0 (note, self->shown_note) != 0 ||
           !gtk_widget_has_focus (GTK_WIDGET (self->note_view))))
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), note ? note : "", -1);
      g_free (self->shown_note);
      self->shown_note = g_strdup (note);
    }
  gtk_label_set_label (self->note_label, note ? note : "");
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->note_view)),
                          self->expanded && self->editable);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label),
                          (!self->expanded || !self->editable) && note != NULL);
  gtk_widget_set_visible (self->note_title, self->expanded && (self->editable || note != NULL));
  gtk_widget_set_visible (self->note_box, (self->expanded && self->editable) || note != NULL);
  update_placeholder (self);

  refresh_photos (self, entry ? (const char * const *) entry->photos : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->photos_box),
                          self->expanded && entry != NULL && entry->photos != NULL &&
                          entry->photos[0] != NULL);
  refresh_actions (self);
  gtk_widget_set_visible (self->buttons_box, self->expanded);
  gtk_widget_set_sensitive (self->photo_button, self->editable);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->photo_button), "s", item_id (self));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->action_button), "s", item_id (self));
}

/* ---- selecting a compact row ----------------------------------------------------- */

static void
pressed_cb (ObeyaAuditItemPane *self,
            int                 n_press,
            double              x,
            double              y,
            GtkGestureClick    *gesture)
{
  if (!self->expanded && self->item != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "walk.select-item", "s", item_id (self));
}

/* ---- GObject ---------------------------------------------------------------------- */

static void
obeya_audit_item_pane_dispose (GObject *object)
{
  ObeyaAuditItemPane *self = OBEYA_AUDIT_ITEM_PANE (object);

  g_clear_object (&self->audit);
  g_clear_object (&self->item);
  g_clear_object (&self->workspace_file);
  gtk_widget_dispose_template (GTK_WIDGET (self), OBEYA_TYPE_AUDIT_ITEM_PANE);
  G_OBJECT_CLASS (obeya_audit_item_pane_parent_class)->dispose (object);
}

static void
obeya_audit_item_pane_finalize (GObject *object)
{
  ObeyaAuditItemPane *self = OBEYA_AUDIT_ITEM_PANE (object);

  g_free (self->shown_note);
  g_free (self->shown_actions);
  g_strfreev (self->shown_photos);
  G_OBJECT_CLASS (obeya_audit_item_pane_parent_class)->finalize (object);
}

static void
obeya_audit_item_pane_class_init (ObeyaAuditItemPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = obeya_audit_item_pane_dispose;
  object_class->finalize = obeya_audit_item_pane_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/obeya/Obeya/obeya-audit-item-pane.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ObeyaAuditItemPane, name)
  BIND (box);
  BIND (s_label);
  BIND (position_label);
  BIND (state_label);
  BIND (question_label);
  BIND (guidance_box);
  BIND (guidance_label);
  BIND (evidence_box);
  BIND (evidence_label);
  BIND (anchors_box);
  BIND (compact_box);
  BIND (compact_anchor_label);
  BIND (note_box);
  BIND (note_title);
  BIND (note_view);
  BIND (note_placeholder);
  BIND (note_label);
  BIND (photos_box);
  BIND (actions_box);
  BIND (buttons_box);
  BIND (photo_button);
  BIND (action_button);
#undef BIND
  gtk_widget_class_bind_template_child_full (widget_class, "compact_buttons", FALSE,
                                             G_STRUCT_OFFSET (ObeyaAuditItemPane,
                                                              compact_button_box));

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "obeyaauditem");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
obeya_audit_item_pane_init (ObeyaAuditItemPane *self)
{
  GtkEventController *controller;
  GtkGesture *click;
  g_autofree char *placeholder = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->editable = TRUE;
  self->expanded = TRUE;

  for (guint i = 0; i < N_BUTTONS; i++)
    {
      g_autofree char *label = i == NA_INDEX ? g_strdup (_("N/A")) : g_strdup_printf ("%u", i);

      self->compact_buttons[i] = gtk_toggle_button_new_with_label (label);
      gtk_widget_set_focus_on_click (self->compact_buttons[i], FALSE);
      gtk_widget_add_css_class (self->compact_buttons[i], "obeya-compact-score");
      gtk_box_append (GTK_BOX (self->compact_button_box), self->compact_buttons[i]);
      g_signal_connect_object (self->compact_buttons[i], "clicked",
                               G_CALLBACK (score_button_clicked_cb), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }
  /* Translators: placeholder of the note field of a 5S item */
  placeholder = g_strdup (_("What did you see? (Ctrl+M)"));
  gtk_label_set_label (GTK_LABEL (self->note_placeholder), placeholder);
  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (update_placeholder), self, G_CONNECT_SWAPPED);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "enter", G_CALLBACK (note_focus_enter_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "leave", G_CALLBACK (note_focus_leave_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->note_view), controller);
  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (note_key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->note_view), controller);

  click = gtk_gesture_click_new ();
  g_signal_connect_object (click, "pressed", G_CALLBACK (pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->photo_button), "s", "");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->action_button), "s", "");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->photo_button), "walk.add-photo");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->action_button), "walk.raise-action");
}

GtkWidget *
obeya_audit_item_pane_new (void)
{
  return g_object_new (OBEYA_TYPE_AUDIT_ITEM_PANE, NULL);
}

void
obeya_audit_item_pane_set_item (ObeyaAuditItemPane *self,
                                ObeyaAudit         *audit,
                                ObeyaAuditItem     *item,
                                guint               index,
                                guint               n_items)
{
  g_return_if_fail (OBEYA_IS_AUDIT_ITEM_PANE (self));
  g_return_if_fail (audit == NULL || OBEYA_IS_AUDIT (audit));
  g_return_if_fail (item == NULL || OBEYA_IS_AUDIT_ITEM (item));

  if (self->item != item)
    {
      obeya_audit_item_pane_commit_note (self);
      g_clear_pointer (&self->shown_note, g_free);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), "", -1);
      g_clear_pointer (&self->shown_photos, g_strfreev);
      g_object_set_data (G_OBJECT (self->photos_box), "obeya-editable", NULL);
    }
  g_set_object (&self->audit, audit);
  g_set_object (&self->item, item);
  self->index = index;
  self->n_items = n_items;
  obeya_audit_item_pane_refresh (self);
}

ObeyaAuditItem *
obeya_audit_item_pane_get_item (ObeyaAuditItemPane *self)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT_ITEM_PANE (self), NULL);

  return self->item;
}

void
obeya_audit_item_pane_set_workspace_file (ObeyaAuditItemPane *self,
                                          GFile              *file)
{
  g_return_if_fail (OBEYA_IS_AUDIT_ITEM_PANE (self));

  if (g_set_object (&self->workspace_file, file))
    {
      g_clear_pointer (&self->shown_photos, g_strfreev);
      g_object_set_data (G_OBJECT (self->photos_box), "obeya-editable", NULL);
      obeya_audit_item_pane_refresh (self);
    }
}

gboolean
obeya_audit_item_pane_get_expanded (ObeyaAuditItemPane *self)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT_ITEM_PANE (self), FALSE);

  return self->expanded;
}

void
obeya_audit_item_pane_set_expanded (ObeyaAuditItemPane *self,
                                    gboolean            expanded)
{
  g_return_if_fail (OBEYA_IS_AUDIT_ITEM_PANE (self));

  expanded = !!expanded;
  if (self->expanded == expanded)
    return;
  if (!expanded)
    obeya_audit_item_pane_commit_note (self);
  self->expanded = expanded;
  if (expanded)
    gtk_widget_add_css_class (GTK_WIDGET (self), "current");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "current");
  obeya_audit_item_pane_refresh (self);
}

void
obeya_audit_item_pane_set_editable (ObeyaAuditItemPane *self,
                                    gboolean            editable)
{
  g_return_if_fail (OBEYA_IS_AUDIT_ITEM_PANE (self));

  editable = !!editable;
  if (self->editable == editable)
    return;
  self->editable = editable;
  gtk_text_view_set_editable (self->note_view, editable);
  obeya_audit_item_pane_refresh (self);
}

GtkWidget *
obeya_audit_item_pane_get_score_button (ObeyaAuditItemPane *self,
                                        int                 score)
{
  guint index;

  g_return_val_if_fail (OBEYA_IS_AUDIT_ITEM_PANE (self), NULL);

  if (score == OBEYA_SCORE_NA)
    index = NA_INDEX;
  else if (score >= 0 && score <= OBEYA_SCORE_MAX)
    index = score;
  else
    return NULL;
  return self->expanded ? self->anchor_buttons[index] : self->compact_buttons[index];
}

GtkTextView *
obeya_audit_item_pane_get_note_view (ObeyaAuditItemPane *self)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT_ITEM_PANE (self), NULL);

  return self->note_view;
}
