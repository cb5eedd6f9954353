/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <glib/gi18n.h>

#include "obeya-window.h"

struct _ObeyaWindow
{
  AdwApplicationWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (ObeyaWindow, obeya_window, ADW_TYPE_APPLICATION_WINDOW)

static void
obeya_window_class_init (ObeyaWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/obeya/Obeya/obeya-window.ui");
}

static void
obeya_window_init (ObeyaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ObeyaWindow *
obeya_window_new (ObeyaApplication *app)
{
  return g_object_new (OBEYA_TYPE_WINDOW, "application", app, NULL);
}
