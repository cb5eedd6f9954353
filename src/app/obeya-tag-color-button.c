/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <glib/gi18n.h>

#include "obeya-dialog-util.h"
#include "obeya-tag-color-button.h"
#include "obeya-util.h"
#include "obeya-workspace.h"

struct _ObeyaTagColorButton
{
  GtkWidget  parent_instance;

  GtkWidget *menu_button;
  GtkWidget *swatch;
  GtkWidget *popover;
  GPtrArray *choices;   /* of GtkToggleButton, in obeya_tag_colors() order */
  char      *color;
  gboolean   updating;
};

G_DEFINE_FINAL_TYPE (ObeyaTagColorButton, obeya_tag_color_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COLOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
choice_toggled_cb (GtkToggleButton     *button,
                   ObeyaTagColorButton *self)
{
  if (self->updating || !gtk_toggle_button_get_active (button))
    return;
  obeya_tag_color_button_set_color (self, g_object_get_data (G_OBJECT (button), "color"));
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
obeya_tag_color_button_dispose (GObject *object)
{
  ObeyaTagColorButton *self = OBEYA_TAG_COLOR_BUTTON (object);

  g_clear_pointer (&self->menu_button, gtk_widget_unparent);
  g_clear_pointer (&self->choices, g_ptr_array_unref);

  G_OBJECT_CLASS (obeya_tag_color_button_parent_class)->dispose (object);
}

static void
obeya_tag_color_button_finalize (GObject *object)
{
  ObeyaTagColorButton *self = OBEYA_TAG_COLOR_BUTTON (object);

  g_clear_pointer (&self->color, g_free);

  G_OBJECT_CLASS (obeya_tag_color_button_parent_class)->finalize (object);
}

static void
obeya_tag_color_button_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  ObeyaTagColorButton *self = OBEYA_TAG_COLOR_BUTTON (object);

  switch (prop_id)
    {
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_tag_color_button_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  ObeyaTagColorButton *self = OBEYA_TAG_COLOR_BUTTON (object);

  switch (prop_id)
    {
    case PROP_COLOR:
      obeya_tag_color_button_set_color (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_tag_color_button_class_init (ObeyaTagColorButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = obeya_tag_color_button_dispose;
  object_class->finalize = obeya_tag_color_button_finalize;
  object_class->get_property = obeya_tag_color_button_get_property;
  object_class->set_property = obeya_tag_color_button_set_property;

  /**
   * ObeyaTagColorButton:color:
   *
   * The chosen colour, one of obeya_tag_colors().
   */
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "obeya-tag-color-button");
}

static void
obeya_tag_color_button_init (ObeyaTagColorButton *self)
{
  const char * const *colors = obeya_tag_colors ();
  GtkWidget *grid;

  self->choices = g_ptr_array_new ();
  self->swatch = obeya_tag_swatch_new (NULL);
  self->menu_button = gtk_menu_button_new ();
  gtk_widget_set_valign (self->menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->menu_button, "flat");
  gtk_widget_add_css_class (self->menu_button, "circular");
  gtk_menu_button_set_child (GTK_MENU_BUTTON (self->menu_button), self->swatch);
  gtk_widget_set_parent (self->menu_button, GTK_WIDGET (self));

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  for (guint i = 0; colors[i] != NULL; i++)
    {
      GtkWidget *button = gtk_toggle_button_new ();

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "circular");
      gtk_button_set_child (GTK_BUTTON (button), obeya_tag_swatch_new (colors[i]));
      gtk_widget_set_tooltip_text (button, obeya_tag_color_get_label (colors[i]));
      g_object_set_data (G_OBJECT (button), "color", (gpointer) colors[i]);
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->choices->pdata[0]);
      g_signal_connect_object (button, "toggled", G_CALLBACK (choice_toggled_cb), self, 0);
      gtk_grid_attach (GTK_GRID (grid), button, i % 4, i / 4, 1, 1);
      g_ptr_array_add (self->choices, button);
    }
  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), grid);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->menu_button), self->popover);

  obeya_tag_color_button_set_color (self, colors[0]);
}

GtkWidget *
obeya_tag_color_button_new (const char *color)
{
  return g_object_new (OBEYA_TYPE_TAG_COLOR_BUTTON, "color", color, NULL);
}

const char *
obeya_tag_color_button_get_color (ObeyaTagColorButton *self)
{
  g_return_val_if_fail (OBEYA_IS_TAG_COLOR_BUTTON (self), NULL);
  return self->color;
}

void
obeya_tag_color_button_set_color (ObeyaTagColorButton *self,
                                  const char          *color)
{
  const char * const *colors = obeya_tag_colors ();
  g_autofree char *tooltip = NULL;

  g_return_if_fail (OBEYA_IS_TAG_COLOR_BUTTON (self));

  if (color == NULL)
    color = colors[0];
  if (!obeya_set_str (&self->color, color))
    return;

  self->updating = TRUE;
  for (guint i = 0; i < self->choices->len; i++)
    gtk_toggle_button_set_active (self->choices->pdata[i], g_strcmp0 (colors[i], color) == 0);
  self->updating = FALSE;

  obeya_tag_swatch_set_color (self->swatch, color);
  /* Translators: tooltip of the button that opens the tag colours; %s is a colour name */
  tooltip = g_strdup_printf (_("Colour: %s"), obeya_tag_color_get_label (color));
  gtk_widget_set_tooltip_text (self->menu_button, tooltip);
  gtk_widget_set_tooltip_text (self->swatch, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}
