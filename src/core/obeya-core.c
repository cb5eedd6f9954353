/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include "obeya-core.h"

const char *
obeya_core_version (void)
{
  return PACKAGE_VERSION;
}
