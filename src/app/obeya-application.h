/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define OBEYA_TYPE_APPLICATION (obeya_application_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaApplication, obeya_application, OBEYA, APPLICATION, AdwApplication)

ObeyaApplication *obeya_application_new               (void);
/* $XDG_DATA_HOME/obeya/personal.obeya */
char             *obeya_application_dup_personal_path (void);

G_END_DECLS
