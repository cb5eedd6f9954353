/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <glib/gi18n.h>

#include "obeya-application.h"
#include "obeya-window.h"

struct _ObeyaApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (ObeyaApplication, obeya_application, ADW_TYPE_APPLICATION)

static void
obeya_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (obeya_window_new (OBEYA_APPLICATION (app)));
  gtk_window_present (window);
}

static void
obeya_application_class_init (ObeyaApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = obeya_application_activate;
}

static void
obeya_application_init (ObeyaApplication *self)
{
}

ObeyaApplication *
obeya_application_new (void)
{
  return g_object_new (OBEYA_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/obeya/Obeya",
                       NULL);
}
