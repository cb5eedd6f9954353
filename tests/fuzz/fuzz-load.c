/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fuzz target for the whole load path: obeya_json_parse() and
 * obeya_workspace_load() on any bytes, with the invariants that hold for
 * every input:
 *
 *  - no crash, no sanitizer report, no GLib warning;
 *  - a refused input gives a GError with a valid UTF-8 message;
 *  - what obeya_json_parse() accepts, the writer writes; that text parses
 *    again and writes to the same bytes (the writer is stable);
 *  - a workspace that loads and is not read-only saves, and what it saves
 *    loads again and saves to the same bytes.
 */
#define G_LOG_DOMAIN "obeya-fuzz"

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "obeya-json.h"
#include "obeya-workspace.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check_error (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpuint (strlen (error->message), >, 0);
}

static GBytes *
write_node (JsonNode *node)
{
  ObeyaJsonWriter *writer = obeya_json_writer_new ();
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  obeya_json_writer_node (writer, node);
  bytes = obeya_json_writer_free_to_bytes (writer, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static void
fuzz_json (const uint8_t *data,
           size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = obeya_json_parse ((const char *) data, size, &error);
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;

  if (root == NULL)
    {
      check_error (error);
      g_assert_true (error->domain == OBEYA_JSON_ERROR);
      return;
    }

  first = write_node (root);
  again = obeya_json_parse (g_bytes_get_data (first, NULL), g_bytes_get_size (first), &error);
  g_assert_no_error (error);
  second = write_node (again);
  g_assert_true (g_bytes_equal (first, second));
}

static void
fuzz_workspace (const uint8_t *data,
                size_t         size)
{
  g_autoptr(GBytes) input = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(ObeyaWorkspace) workspace = obeya_workspace_load (input, &error);
  g_autoptr(ObeyaWorkspace) reloaded = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;

  if (workspace == NULL)
    {
      check_error (error);
      return;
    }

  saved = obeya_workspace_save (workspace, &error);
  if (obeya_workspace_get_read_only (workspace))
    {
      g_assert_null (saved);
      check_error (error);
      return;
    }
  g_assert_no_error (error);
  g_assert_nonnull (saved);

  reloaded = obeya_workspace_load (saved, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reloaded);
  saved_again = obeya_workspace_save (reloaded, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (saved, saved_again));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static gboolean initialized;

  if (!initialized)
    {
      /* Any warning is a finding. */
      g_log_set_always_fatal (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
      initialized = TRUE;
    }

  fuzz_json (data, size);
  fuzz_workspace (data, size);
  return 0;
}
