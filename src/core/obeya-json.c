/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include "obeya-json.h"

/* Implementation pending: see obeya-json.h for the contract. */
G_DEFINE_QUARK (obeya-json-error-quark, obeya_json_error)
