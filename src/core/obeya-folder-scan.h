/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaFolderScan: the digital 5S folder scan. It walks a local or mounted
 * folder on a worker thread and counts what the digital Sort and Set-in-order
 * items ask about: files, folders, depth, stale files (not modified for N
 * days), empty folders, exact duplicates (grouped by size, then SHA-256 of
 * the same-size files only), and file names that break the area's pattern.
 *
 * It only reads: it never writes, moves or deletes anything, and it never
 * follows a symbolic link (links are counted and skipped, so the walk cannot
 * leave the tree). Progress is reported on the main context of the caller of
 * obeya_folder_scan_run_async() (throttled to about ten reports a second);
 * the GCancellable stops it within one file.
 *
 * Definitions (pinned by tests/test-folder-scan.c):
 *  - depth: the root folder is level 0; a folder directly in it level 1. A
 *    file's depth is the level of its folder. max_depth is the deepest
 *    folder's level; average_depth averages the files' depths (rounded to
 *    two decimals);
 *  - an empty folder has no entries at all (the root is never counted);
 *  - duplicates: non-empty regular files with the same bytes; a group of N
 *    copies counts N - 1 duplicate files and (N - 1) × size wasted bytes;
 *  - a name breaks the pattern when the whole file name does not match the
 *    regular expression; hidden files (".name") are not checked;
 *  - stale: last modified more than stale_days × 24 h before the scan.
 *
 * The result, ObeyaScanResult, is immutable and reference counted; it is
 * stored on an audit as evidence (obeya_audit_set_scan()).
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "obeya-audit-enums.h"
#include "obeya-time.h"
#include "obeya-types.h"

G_BEGIN_DECLS

/* Length of each offender list. */
#define OBEYA_SCAN_TOP 20

typedef struct
{
  char    *path;  /* relative to the scanned folder, '/'-separated, UTF-8 */
  gint64   value; /* deepest: the level; oldest: the ObeyaDay modified (in the UTC
                   * offset of the scan's time); else 0 */
} ObeyaScanPath;

typedef struct
{
  guint64  size;  /* of each copy */
  GStrv    paths; /* relative paths of the copies, sorted */
} ObeyaScanDuplicates;

struct _ObeyaScanResult
{
  char           *folder;
  char           *pattern;            /* NULL when names were not checked */
  guint           stale_days;
  ObeyaTimestamp  time;               /* when the scan ran */

  guint64         n_files;
  guint64         n_folders;          /* below the root */
  guint64         total_bytes;
  guint           max_depth;
  double          average_depth;
  guint64         n_stale;
  guint64         n_empty_folders;
  guint64         n_duplicate_groups;
  guint64         n_duplicate_files;
  guint64         duplicate_bytes;
  guint64         n_bad_names;
  guint64         n_symlinks;         /* skipped, never followed */
  guint64         n_unreadable;       /* folders or files that could not be read */

  GArray         *deepest;            /* of ObeyaScanPath: leaf folders, deepest first */
  GArray         *oldest;             /* of ObeyaScanPath: stale files, oldest first */
  GArray         *bad_names;          /* of ObeyaScanPath: in path order */
  GArray         *duplicates;         /* of ObeyaScanDuplicates: most wasted bytes first */

  /*< private >*/
  gatomicrefcount ref_count;
  JsonObject     *extra;              /* unknown members kept from the file */
};

#define OBEYA_TYPE_SCAN_RESULT (obeya_scan_result_get_type ())
GType            obeya_scan_result_get_type (void);
ObeyaScanResult *obeya_scan_result_new      (void);
ObeyaScanResult *obeya_scan_result_ref      (ObeyaScanResult   *self);
void             obeya_scan_result_unref    (ObeyaScanResult   *self);
/* One translated line for an audit item ("1,204 of 8,310 files (14 %) not
 * modified for 365 days"). */
char            *obeya_scan_result_describe (ObeyaScanResult   *self,
                                             ObeyaScanEvidence  evidence);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObeyaScanResult, obeya_scan_result_unref)

typedef enum
{
  OBEYA_SCAN_PHASE_WALKING, /* done = entries seen so far, total = 0 (unknown) */
  OBEYA_SCAN_PHASE_HASHING, /* done = bytes hashed, total = bytes to hash */
} ObeyaScanPhase;

#define OBEYA_TYPE_FOLDER_SCAN (obeya_folder_scan_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaFolderScan, obeya_folder_scan, OBEYA, FOLDER_SCAN, GObject)

ObeyaFolderScan *obeya_folder_scan_new            (const char *folder);
/* The folder, pattern and stale days of @area. */
ObeyaFolderScan *obeya_folder_scan_new_for_area   (ObeyaArea  *area);
const char      *obeya_folder_scan_get_folder     (ObeyaFolderScan *self);
const char      *obeya_folder_scan_get_name_pattern (ObeyaFolderScan *self);
void             obeya_folder_scan_set_name_pattern (ObeyaFolderScan *self,
                                                     const char      *pattern);
guint            obeya_folder_scan_get_stale_days (ObeyaFolderScan *self);
void             obeya_folder_scan_set_stale_days (ObeyaFolderScan *self,
                                                   guint            days);

void             obeya_folder_scan_run_async      (ObeyaFolderScan     *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
ObeyaScanResult *obeya_folder_scan_run_finish     (ObeyaFolderScan     *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
/* The same, blocking the calling thread (command line, tests). */
ObeyaScanResult *obeya_folder_scan_run            (ObeyaFolderScan     *self,
                                                   GCancellable        *cancellable,
                                                   GError             **error);

/* ---- file-name patterns ------------------------------------------------- */

typedef struct
{
  const char *id;      /* "date-topic-version" */
  const char *label;   /* untranslated, N_()-marked: use obeya_name_pattern_get_label() */
  const char *pattern; /* the regular expression */
  const char *example; /* a name that matches */
} ObeyaNamePatternPreset;

/* The readable presets, such as YYYY-MM-DD_topic_vN. */
const ObeyaNamePatternPreset *obeya_name_pattern_get_presets (guint *n_presets);
const char      *obeya_name_pattern_get_label     (const ObeyaNamePatternPreset *preset);
/* The preset whose pattern is @pattern, or NULL. */
const ObeyaNamePatternPreset *obeya_name_pattern_find (const char *pattern);
/* FALSE (G_REGEX_ERROR) when @pattern is not a valid regular expression. */
gboolean         obeya_name_pattern_check         (const char  *pattern,
                                                   GError     **error);
/* Does the whole of @name match @pattern? */
gboolean         obeya_name_pattern_matches       (const char  *pattern,
                                                   const char  *name);

G_END_DECLS
