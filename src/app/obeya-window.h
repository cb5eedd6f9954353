/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "obeya-application.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_WINDOW (obeya_window_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaWindow, obeya_window, OBEYA, WINDOW, AdwApplicationWindow)

ObeyaWindow *obeya_window_new (ObeyaApplication *app);

G_END_DECLS
