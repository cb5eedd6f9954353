/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "obeya-area.h"
#include "obeya-audits-private.h"
#include "obeya-folder-scan.h"
#include "obeya-util.h"

#define HASH_BUFFER_SIZE   (64 * 1024)
#define PROGRESS_INTERVAL  (100 * G_TIME_SPAN_MILLISECOND)
#define SCAN_ATTRIBUTES    G_FILE_ATTRIBUTE_STANDARD_NAME "," \
                           G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME "," \
                           G_FILE_ATTRIBUTE_STANDARD_TYPE "," \
                           G_FILE_ATTRIBUTE_STANDARD_IS_SYMLINK "," \
                           G_FILE_ATTRIBUTE_STANDARD_SIZE "," \
                           G_FILE_ATTRIBUTE_TIME_MODIFIED

/* ---- ObeyaScanResult ----------------------------------------------------- */

static void
scan_path_clear (gpointer data)
{
  ObeyaScanPath *path = data;

  g_clear_pointer (&path->path, g_free);
}

static void
duplicates_clear (gpointer data)
{
  ObeyaScanDuplicates *duplicates = data;

  g_clear_pointer (&duplicates->paths, g_strfreev);
}

static GArray *
scan_path_array_new (void)
{
  GArray *array = g_array_new (FALSE, TRUE, sizeof (ObeyaScanPath));

  g_array_set_clear_func (array, scan_path_clear);
  return array;
}

ObeyaScanResult *
obeya_scan_result_new (void)
{
  ObeyaScanResult *self = g_new0 (ObeyaScanResult, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->stale_days = 365;
  self->time = OBEYA_TIMESTAMP_NONE;
  self->deepest = scan_path_array_new ();
  self->oldest = scan_path_array_new ();
  self->bad_names = scan_path_array_new ();
  self->duplicates = g_array_new (FALSE, TRUE, sizeof (ObeyaScanDuplicates));
  g_array_set_clear_func (self->duplicates, duplicates_clear);
  return self;
}

ObeyaScanResult *
obeya_scan_result_ref (ObeyaScanResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
obeya_scan_result_unref (ObeyaScanResult *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->folder);
  g_free (self->pattern);
  g_array_unref (self->deepest);
  g_array_unref (self->oldest);
  g_array_unref (self->bad_names);
  g_array_unref (self->duplicates);
  g_clear_pointer (&self->extra, json_object_unref);
  g_free (self);
}

G_DEFINE_BOXED_TYPE (ObeyaScanResult, obeya_scan_result,
                     obeya_scan_result_ref, obeya_scan_result_unref)

static guint
percent_of (guint64 part,
            guint64 whole)
{
  return whole > 0 ? (guint) ((part * 100 + whole / 2) / whole) : 0;
}

/* Counts go into the messages as text: xgettext cannot read G_GUINT64_FORMAT. */
static char *
count (guint64 value)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT, value);
}

/* The plural form for a 64-bit count. */
static gulong
plural_n (guint64 value)
{
  return (gulong) MIN (value, G_MAXULONG);
}

char *
obeya_scan_result_describe (ObeyaScanResult   *self,
                            ObeyaScanEvidence  evidence)
{
  g_autofree char *size = NULL;
  g_autofree char *days = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  switch (evidence)
    {
    case OBEYA_SCAN_EVIDENCE_NONE:
      return NULL;

    case OBEYA_SCAN_EVIDENCE_STALE_FILES:
      a = count (self->n_stale);
      b = count (self->n_files);
      days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", self->stale_days),
                              self->stale_days);
      /* Translators: "412 of 8310 files (5 %) not modified for 365 days"; the
       * last %s is "%u day" or "%u days" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s of %s file (%u %%) not modified for %s",
                                           "%s of %s files (%u %%) not modified for %s",
                                           plural_n (self->n_files)),
                              a, b, percent_of (self->n_stale, self->n_files), days);

    case OBEYA_SCAN_EVIDENCE_DUPLICATES:
      {
        g_autofree char *groups = NULL;

        a = count (self->n_duplicate_files);
        b = count (self->n_duplicate_groups);
        /* Translators: the %s is a number, "21" */
        groups = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s group", "%s groups",
                                               plural_n (self->n_duplicate_groups)),
                                  b);
        size = g_format_size (self->duplicate_bytes);
        /* Translators: "37 duplicate files in 21 groups, 1.2 GB wasted"; the
         * second %s is "%s group" or "%s groups" */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%s duplicate file in %s, %s wasted",
                                             "%s duplicate files in %s, %s wasted",
                                             plural_n (self->n_duplicate_files)),
                                a, groups, size);
      }

    case OBEYA_SCAN_EVIDENCE_DEPTH:
      /* Translators: "Folders up to 9 levels deep; files 4.2 levels down on average" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Folders up to %u level deep; files %.1f levels "
                                           "down on average",
                                           "Folders up to %u levels deep; files %.1f levels "
                                           "down on average",
                                           self->max_depth),
                              self->max_depth, self->average_depth);

    case OBEYA_SCAN_EVIDENCE_NAMES:
      if (self->pattern == NULL)
        return g_strdup (_("File names were not checked: this area has no name pattern"));
      a = count (self->n_bad_names);
      b = count (self->n_files);
      /* Translators: "96 of 8310 file names (1 %) break the naming pattern" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s of %s file names (%u %%) breaks the naming pattern",
                                           "%s of %s file names (%u %%) break the naming pattern",
                                           plural_n (self->n_bad_names)),
                              a, b, percent_of (self->n_bad_names, self->n_files));

    case OBEYA_SCAN_EVIDENCE_EMPTY_FOLDERS:
      a = count (self->n_empty_folders);
      b = count (self->n_folders);
      /* Translators: "14 empty folders of 812" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s empty folder of %s",
                                           "%s empty folders of %s",
                                           plural_n (self->n_empty_folders)),
                              a, b);

    default:
      g_return_val_if_reached (NULL);
    }
}

/* ---- file-name patterns -------------------------------------------------- */

static const ObeyaNamePatternPreset presets[] = {
  {
    "date-topic-version",
    N_("YYYY-MM-DD_topic_vN (date, topic, version)"),
    "\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])_[\\p{L}\\p{N}-]+(_[\\p{L}\\p{N}-]+)*_v\\d+"
    "(\\.[\\p{L}\\p{N}]+)?",
    "2026-11-03_vendor-statement_v2.pdf",
  },
  {
    "date-topic",
    N_("YYYY-MM-DD_topic (date first)"),
    "\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])_[\\p{L}\\p{N}_-]+(\\.[\\p{L}\\p{N}]+)?",
    "2026-11-03_vendor-statement.pdf",
  },
  {
    "topic-date",
    N_("topic_YYYY-MM-DD (date last)"),
    "[\\p{L}\\p{N}_-]+_\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])(\\.[\\p{L}\\p{N}]+)?",
    "vendor-statement_2026-11-03.pdf",
  },
  {
    "lower-dashes",
    N_("lower-case-with-dashes"),
    "[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+)?",
    "vendor-statement-november.pdf",
  },
  {
    "no-spaces",
    N_("No spaces or special characters"),
    "[A-Za-z0-9._-]+",
    "Vendor_Statement-Nov.pdf",
  },
};

const ObeyaNamePatternPreset *
obeya_name_pattern_get_presets (guint *n_presets)
{
  if (n_presets != NULL)
    *n_presets = G_N_ELEMENTS (presets);
  return presets;
}

const char *
obeya_name_pattern_get_label (const ObeyaNamePatternPreset *preset)
{
  g_return_val_if_fail (preset != NULL, NULL);
  return g_dgettext (GETTEXT_PACKAGE, preset->label);
}

const ObeyaNamePatternPreset *
obeya_name_pattern_find (const char *pattern)
{
  for (guint i = 0; pattern != NULL && i < G_N_ELEMENTS (presets); i++)
    if (g_str_equal (presets[i].pattern, pattern))
      return &presets[i];
  return NULL;
}

/* The pattern matched against a whole name. */
static GRegex *
compile_pattern (const char  *pattern,
                 GError     **error)
{
  g_autofree char *anchored = g_strdup_printf ("^(?:%s)$", pattern);

  /* Check the pattern alone first, so the error points at its own text. */
  {
    g_autoptr(GRegex) plain = g_regex_new (pattern, 0, 0, error);
    if (plain == NULL)
      return NULL;
  }
  return g_regex_new (anchored, G_REGEX_OPTIMIZE, 0, error);
}

gboolean
obeya_name_pattern_check (const char  *pattern,
                          GError     **error)
{
  g_autoptr(GRegex) regex = NULL;

  g_return_val_if_fail (pattern != NULL, FALSE);

  regex = compile_pattern (pattern, error);
  return regex != NULL;
}

gboolean
obeya_name_pattern_matches (const char *pattern,
                            const char *name)
{
  g_autoptr(GRegex) regex = NULL;

  g_return_val_if_fail (pattern != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  regex = compile_pattern (pattern, NULL);
  return regex != NULL && g_regex_match (regex, name, 0, NULL);
}

/* ---- ObeyaFolderScan ----------------------------------------------------- */

struct _ObeyaFolderScan
{
  GObject  parent_instance;

  char    *folder;
  char    *name_pattern;
  guint    stale_days;
};

G_DEFINE_FINAL_TYPE (ObeyaFolderScan, obeya_folder_scan, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FOLDER,
  PROP_NAME_PATTERN,
  PROP_STALE_DAYS,
  N_PROPS
};

enum {
  PROGRESS,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
obeya_folder_scan_finalize (GObject *object)
{
  ObeyaFolderScan *self = OBEYA_FOLDER_SCAN (object);

  g_clear_pointer (&self->folder, g_free);
  g_clear_pointer (&self->name_pattern, g_free);

  G_OBJECT_CLASS (obeya_folder_scan_parent_class)->finalize (object);
}

static void
obeya_folder_scan_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ObeyaFolderScan *self = OBEYA_FOLDER_SCAN (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      g_value_set_string (value, self->folder);
      break;
    case PROP_NAME_PATTERN:
      g_value_set_string (value, self->name_pattern);
      break;
    case PROP_STALE_DAYS:
      g_value_set_uint (value, self->stale_days);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_folder_scan_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ObeyaFolderScan *self = OBEYA_FOLDER_SCAN (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      self->folder = g_value_dup_string (value);
      break;
    case PROP_NAME_PATTERN:
      obeya_folder_scan_set_name_pattern (self, g_value_get_string (value));
      break;
    case PROP_STALE_DAYS:
      obeya_folder_scan_set_stale_days (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_folder_scan_class_init (ObeyaFolderScanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = obeya_folder_scan_finalize;
  object_class->get_property = obeya_folder_scan_get_property;
  object_class->set_property = obeya_folder_scan_set_property;

  properties[PROP_FOLDER] =
    g_param_spec_string ("folder", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME_PATTERN] = g_param_spec_string ("name-pattern", NULL, NULL, NULL, rw);
  properties[PROP_STALE_DAYS] =
    g_param_spec_uint ("stale-days", NULL, NULL, 1, 36500, OBEYA_AREA_DEFAULT_STALE_DAYS, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ObeyaFolderScan::progress:
   * @phase: an #ObeyaScanPhase
   * @done: entries seen (walking) or bytes hashed (hashing)
   * @total: 0 while walking; the bytes to hash while hashing
   *
   * Emitted on the main context of the caller of
   * obeya_folder_scan_run_async(), about ten times a second at most.
   */
  signals[PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT64, G_TYPE_UINT64);
}

static void
obeya_folder_scan_init (ObeyaFolderScan *self)
{
  self->stale_days = OBEYA_AREA_DEFAULT_STALE_DAYS;
}

ObeyaFolderScan *
obeya_folder_scan_new (const char *folder)
{
  g_return_val_if_fail (folder != NULL, NULL);
  return g_object_new (OBEYA_TYPE_FOLDER_SCAN, "folder", folder, NULL);
}

ObeyaFolderScan *
obeya_folder_scan_new_for_area (ObeyaArea *area)
{
  g_return_val_if_fail (OBEYA_IS_AREA (area), NULL);
  g_return_val_if_fail (obeya_area_get_folder (area) != NULL, NULL);

  return g_object_new (OBEYA_TYPE_FOLDER_SCAN,
                       "folder", obeya_area_get_folder (area),
                       "name-pattern", obeya_area_get_name_pattern (area),
                       "stale-days", obeya_area_get_stale_days (area),
                       NULL);
}

const char *
obeya_folder_scan_get_folder (ObeyaFolderScan *self)
{
  g_return_val_if_fail (OBEYA_IS_FOLDER_SCAN (self), NULL);
  return self->folder;
}

const char *
obeya_folder_scan_get_name_pattern (ObeyaFolderScan *self)
{
  g_return_val_if_fail (OBEYA_IS_FOLDER_SCAN (self), NULL);
  return self->name_pattern;
}

void
obeya_folder_scan_set_name_pattern (ObeyaFolderScan *self,
                                    const char      *pattern)
{
  g_return_if_fail (OBEYA_IS_FOLDER_SCAN (self));

  if (obeya_set_str (&self->name_pattern, pattern && pattern[0] ? pattern : NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME_PATTERN]);
}

guint
obeya_folder_scan_get_stale_days (ObeyaFolderScan *self)
{
  g_return_val_if_fail (OBEYA_IS_FOLDER_SCAN (self), 0);
  return self->stale_days;
}

void
obeya_folder_scan_set_stale_days (ObeyaFolderScan *self,
                                  guint            days)
{
  g_return_if_fail (OBEYA_IS_FOLDER_SCAN (self));

  days = CLAMP (days, 1, 36500);
  if (self->stale_days == days)
    return;
  self->stale_days = days;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STALE_DAYS]);
}

/* ---- the walk (worker thread) -------------------------------------------- */

typedef struct
{
  GFile   *file;
  char    *path;  /* relative, UTF-8 */
  guint64  size;
  gint64   mtime;
  char    *digest;
} FileRecord;

typedef struct
{
  GFile *file;
  char  *path;
  guint  depth;
} FolderRecord;

/* Everything the worker needs, copied from the ObeyaFolderScan so the worker
 * never touches the object (only the progress reports, on the main context). */
typedef struct
{
  GFile           *root;
  char            *folder;
  char            *pattern;
  guint            stale_days;
  ObeyaTimestamp   now;
  GMainContext    *context;   /* where progress goes; NULL: no progress */
  ObeyaFolderScan *scan;
  gint64           last_report;
} ScanJob;

typedef struct
{
  ObeyaFolderScan *scan;
  ObeyaScanPhase   phase;
  guint64          done;
  guint64          total;
} Progress;

static void
file_record_clear (gpointer data)
{
  FileRecord *record = data;

  g_clear_object (&record->file);
  g_clear_pointer (&record->path, g_free);
  g_clear_pointer (&record->digest, g_free);
}

static void
folder_record_free (gpointer data)
{
  FolderRecord *record = data;

  g_object_unref (record->file);
  g_free (record->path);
  g_free (record);
}

static void
scan_job_free (gpointer data)
{
  ScanJob *job = data;

  g_clear_object (&job->root);
  g_clear_pointer (&job->folder, g_free);
  g_clear_pointer (&job->pattern, g_free);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_clear_object (&job->scan);
  g_free (job);
}

static ScanJob *
scan_job_new (ObeyaFolderScan *self,
              gboolean         with_progress)
{
  ScanJob *job = g_new0 (ScanJob, 1);

  job->root = g_file_new_for_commandline_arg (self->folder);
  job->folder = g_strdup (self->folder);
  job->pattern = g_strdup (self->name_pattern);
  job->stale_days = self->stale_days;
  job->now = obeya_timestamp_now ();
  if (with_progress)
    {
      job->context = g_main_context_ref_thread_default ();
      job->scan = g_object_ref (self);
    }
  return job;
}

static gboolean
progress_cb (gpointer data)
{
  Progress *progress = data;

  g_signal_emit (progress->scan, signals[PROGRESS], 0, progress->phase, progress->done,
                 progress->total);
  return G_SOURCE_REMOVE;
}

static void
progress_free (gpointer data)
{
  Progress *progress = data;

  g_object_unref (progress->scan);
  g_free (progress);
}

static void
report (ScanJob        *job,
        ObeyaScanPhase  phase,
        guint64         done,
        guint64         total)
{
  gint64 now;
  Progress *progress;
  GSource *source;

  if (job->context == NULL)
    return;
  now = g_get_monotonic_time ();
  if (now - job->last_report < PROGRESS_INTERVAL)
    return;
  job->last_report = now;

  progress = g_new0 (Progress, 1);
  progress->scan = g_object_ref (job->scan);
  progress->phase = phase;
  progress->done = done;
  progress->total = total;
  /* Not g_main_context_invoke(): from a worker thread it runs the callback
   * right there whenever it can acquire the context (the default one between
   * two iterations of the main loop). A source always runs on its owner. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, progress_cb, progress, progress_free);
  g_source_set_static_name (source, "[obeya] folder scan progress");
  g_source_attach (source, job->context);
  g_source_unref (source);
}

static char *
join_path (const char *parent,
           const char *name)
{
  return parent[0] != '\0' ? g_strconcat (parent, "/", name, NULL) : g_strdup (name);
}

static int
compare_scan_path_deepest (gconstpointer a,
                           gconstpointer b)
{
  const ObeyaScanPath *pa = a, *pb = b;

  if (pa->value != pb->value)
    return pa->value > pb->value ? -1 : 1;
  return strcmp (pa->path, pb->path);
}

static int
compare_scan_path_value (gconstpointer a,
                         gconstpointer b)
{
  const ObeyaScanPath *pa = a, *pb = b;

  if (pa->value != pb->value)
    return pa->value < pb->value ? -1 : 1;
  return strcmp (pa->path, pb->path);
}

static void
sort_and_truncate (GArray       *array,
                   GCompareFunc  compare)
{
  g_array_sort (array, compare);
  if (array->len > OBEYA_SCAN_TOP)
    g_array_set_size (array, OBEYA_SCAN_TOP);
}

/* Walks the tree: counts, collects the file records and the leaf folders. */
static gboolean
walk (ScanJob          *job,
      ObeyaScanResult  *result,
      GRegex           *regex,
      GArray           *files,
      GCancellable     *cancellable,
      GError          **error)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new_with_free_func (folder_record_free);
  gint64 stale_before = job->now.seconds - (gint64) job->stale_days * 24 * 3600;
  guint64 depth_sum = 0;
  FolderRecord *root;

  root = g_new0 (FolderRecord, 1);
  root->file = g_object_ref (job->root);
  root->path = g_strdup ("");
  g_ptr_array_add (stack, root);

  while (stack->len > 0)
    {
      FolderRecord *folder = g_ptr_array_steal_index (stack, stack->len - 1);
      g_autoptr(GFileEnumerator) enumerator = NULL;
      g_autoptr(GError) local_error = NULL;
      guint n_children = 0, n_subfolders = 0;
      gboolean is_root = folder->path[0] == '\0';

      enumerator = g_file_enumerate_children (folder->file, SCAN_ATTRIBUTES,
                                              G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                              cancellable, &local_error);
      if (enumerator == NULL)
        {
          if (is_root || g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              folder_record_free (folder);
              return FALSE;
            }
          result->n_unreadable++;
          folder_record_free (folder);
          continue;
        }

      for (;;)
        {
          GFileInfo *info = NULL;
          GFile *child = NULL;
          const char *name;
          GFileType type;

          if (!g_file_enumerator_iterate (enumerator, &info, &child, cancellable, &local_error))
            {
              if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
                {
                  g_propagate_error (error, g_steal_pointer (&local_error));
                  folder_record_free (folder);
                  return FALSE;
                }
              result->n_unreadable++;
              break;
            }
          if (info == NULL)
            break;

          n_children++;
          name = g_file_info_get_display_name (info);
          type = g_file_info_get_file_type (info);
          if (g_file_info_get_is_symlink (info) || type == G_FILE_TYPE_SYMBOLIC_LINK)
            {
              result->n_symlinks++;
              continue;
            }

          if (type == G_FILE_TYPE_DIRECTORY)
            {
              FolderRecord *sub = g_new0 (FolderRecord, 1);

              sub->file = g_object_ref (child);
              sub->path = join_path (folder->path, name);
              sub->depth = folder->depth + 1;
              g_ptr_array_add (stack, sub);
              n_subfolders++;
              result->n_folders++;
              result->max_depth = MAX (result->max_depth, sub->depth);
            }
          else if (type == G_FILE_TYPE_REGULAR)
            {
              FileRecord record = { NULL, };
              GDateTime *modified = g_file_info_get_modification_date_time (info);

              record.file = g_object_ref (child);
              record.path = join_path (folder->path, name);
              record.size = g_file_info_get_size (info);
              record.mtime = modified ? g_date_time_to_unix (modified) : 0;
              g_clear_pointer (&modified, g_date_time_unref);

              result->n_files++;
              result->total_bytes += record.size;
              depth_sum += folder->depth;
              if (record.mtime < stale_before)
                {
                  ObeyaTimestamp ts = { record.mtime, job->now.offset };
                  ObeyaScanPath old = { g_strdup (record.path), obeya_timestamp_get_day (ts) };

                  result->n_stale++;
                  g_array_append_val (result->oldest, old);
                }
              if (regex != NULL && name[0] != '.' && !g_regex_match (regex, name, 0, NULL))
                {
                  ObeyaScanPath bad = { g_strdup (record.path), 0 };

                  result->n_bad_names++;
                  g_array_append_val (result->bad_names, bad);
                }
              g_array_append_val (files, record);
            }

          report (job, OBEYA_SCAN_PHASE_WALKING, result->n_files + result->n_folders, 0);
        }

      if (n_children == 0 && !is_root)
        result->n_empty_folders++;
      if (n_subfolders == 0 && !is_root)
        {
          ObeyaScanPath leaf = { g_strdup (folder->path), folder->depth };
          g_array_append_val (result->deepest, leaf);
        }
      folder_record_free (folder);
    }

  if (result->n_files > 0)
    result->average_depth = round ((double) depth_sum / (double) result->n_files * 100.0) / 100.0;
  return TRUE;
}

static int
compare_file_size (gconstpointer a,
                   gconstpointer b)
{
  const FileRecord *fa = a, *fb = b;

  if (fa->size != fb->size)
    return fa->size < fb->size ? -1 : 1;
  return strcmp (fa->path, fb->path);
}

static int
compare_file_digest (gconstpointer a,
                     gconstpointer b)
{
  const FileRecord *fa = *(const FileRecord **) a, *fb = *(const FileRecord **) b;
  int cmp = g_strcmp0 (fa->digest, fb->digest);

  return cmp != 0 ? cmp : strcmp (fa->path, fb->path);
}

static int
compare_duplicates (gconstpointer a,
                    gconstpointer b)
{
  const ObeyaScanDuplicates *da = a, *db = b;
  guint na = g_strv_length (da->paths), nb = g_strv_length (db->paths);
  guint64 wa = (na - 1) * da->size, wb = (nb - 1) * db->size;

  if (wa != wb)
    return wa > wb ? -1 : 1;
  if (na != nb)
    return na > nb ? -1 : 1;
  return strcmp (da->paths[0], db->paths[0]);
}

/* SHA-256 of the whole file, streamed; NULL when it cannot be read. */
static char *
hash_file (ScanJob       *job,
           GFile         *file,
           guint8        *buffer,
           guint64       *hashed,
           guint64        to_hash,
           GCancellable  *cancellable)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GChecksum) checksum = NULL;

  stream = g_file_read (file, cancellable, NULL);
  if (stream == NULL)
    return NULL;

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, HASH_BUFFER_SIZE,
                                      cancellable, NULL);
      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      g_checksum_update (checksum, buffer, n);
      *hashed += n;
      report (job, OBEYA_SCAN_PHASE_HASHING, *hashed, to_hash);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

/* Groups same-size files by content. */
static gboolean
find_duplicates (ScanJob          *job,
                 ObeyaScanResult  *result,
                 GArray           *files,
                 GCancellable     *cancellable,
                 GError          **error)
{
  g_autofree guint8 *buffer = g_malloc (HASH_BUFFER_SIZE);
  guint64 to_hash = 0, hashed = 0;
  guint i, j;

  g_array_sort (files, compare_file_size);

  /* What will be hashed: non-empty files sharing their size with another. */
  for (i = 0; i < files->len; i = j)
    {
      guint64 size = g_array_index (files, FileRecord, i).size;

      for (j = i + 1; j < files->len && g_array_index (files, FileRecord, j).size == size; j++)
        ;
      if (size > 0 && j - i > 1)
        to_hash += size * (j - i);
    }

  for (i = 0; i < files->len; i = j)
    {
      guint64 size = g_array_index (files, FileRecord, i).size;
      g_autoptr(GPtrArray) group = NULL;

      for (j = i + 1; j < files->len && g_array_index (files, FileRecord, j).size == size; j++)
        ;
      if (size == 0 || j - i < 2)
        continue;

      group = g_ptr_array_new ();
      for (guint k = i; k < j; k++)
        {
          FileRecord *record = &g_array_index (files, FileRecord, k);

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          record->digest = hash_file (job, record->file, buffer, &hashed, to_hash, cancellable);
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (record->digest == NULL)
            result->n_unreadable++;
          else
            g_ptr_array_add (group, record);
        }

      g_ptr_array_sort (group, compare_file_digest);
      for (guint a = 0, b; a < group->len; a = b)
        {
          const FileRecord *first = group->pdata[a];

          for (b = a + 1;
               b < group->len && g_str_equal (((FileRecord *) group->pdata[b])->digest,
                                              first->digest);
               b++)
            ;
          if (b - a > 1)
            {
              ObeyaScanDuplicates duplicates = { size, NULL };
              g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

              for (guint k = a; k < b; k++)
                g_strv_builder_add (builder, ((FileRecord *) group->pdata[k])->path);
              duplicates.paths = g_strv_builder_end (builder);
              result->n_duplicate_groups++;
              result->n_duplicate_files += b - a - 1;
              result->duplicate_bytes += (b - a - 1) * size;
              g_array_append_val (result->duplicates, duplicates);
            }
        }
    }

  sort_and_truncate (result->duplicates, compare_duplicates);
  return TRUE;
}

static ObeyaScanResult *
scan_job_run (ScanJob       *job,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(ObeyaScanResult) result = obeya_scan_result_new ();
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GArray) files = NULL;

  if (job->pattern != NULL)
    {
      regex = compile_pattern (job->pattern, error);
      if (regex == NULL)
        return NULL;
    }

  result->folder = g_strdup (job->folder);
  result->pattern = g_strdup (job->pattern);
  result->stale_days = job->stale_days;
  result->time = job->now;

  files = g_array_new (FALSE, TRUE, sizeof (FileRecord));
  g_array_set_clear_func (files, file_record_clear);

  if (!walk (job, result, regex, files, cancellable, error))
    return NULL;
  if (!find_duplicates (job, result, files, cancellable, error))
    return NULL;

  sort_and_truncate (result->deepest, compare_scan_path_deepest);
  sort_and_truncate (result->oldest, compare_scan_path_value);
  sort_and_truncate (result->bad_names, compare_scan_path_value);
  return g_steal_pointer (&result);
}

static void
scan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  ObeyaScanResult *result = scan_job_run (task_data, cancellable, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) obeya_scan_result_unref);
}

void
obeya_folder_scan_run_async (ObeyaFolderScan     *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (OBEYA_IS_FOLDER_SCAN (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, obeya_folder_scan_run_async);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_task_data (task, scan_job_new (self, TRUE), scan_job_free);
  g_task_run_in_thread (task, scan_thread);
}

ObeyaScanResult *
obeya_folder_scan_run_finish (ObeyaFolderScan  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (OBEYA_IS_FOLDER_SCAN (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

ObeyaScanResult *
obeya_folder_scan_run (ObeyaFolderScan  *self,
                       GCancellable     *cancellable,
                       GError          **error)
{
  ScanJob *job;
  ObeyaScanResult *result;

  g_return_val_if_fail (OBEYA_IS_FOLDER_SCAN (self), NULL);

  job = scan_job_new (self, FALSE);
  result = scan_job_run (job, cancellable, error);
  scan_job_free (job);
  return result;
}

/* ---- JSON (the evidence stored on an audit) ------------------------------ */

static const char * const result_members[] = {
  "folder", "pattern", "stale_days", "time", "files", "folders", "bytes", "max_depth",
  "average_depth", "stale_files", "empty_folders", "duplicate_groups", "duplicate_files",
  "duplicate_bytes", "bad_names", "symlinks", "unreadable", "deepest", "oldest",
  "bad_name_examples", "largest_duplicates", NULL
};

void
_obeya_scan_result_write (ObeyaScanResult *self,
                          ObeyaJsonWriter *writer)
{
  char buf[OBEYA_TIMESTAMP_BUF_SIZE];

  obeya_json_writer_begin_object (writer);
  obeya_json_writer_member_string (writer, "folder", self->folder ? self->folder : "");
  if (self->pattern != NULL)
    obeya_json_writer_member_string (writer, "pattern", self->pattern);
  obeya_json_writer_member_int (writer, "stale_days", self->stale_days);
  _obeya_write_timestamp_member (writer, "time", self->time);
  obeya_json_writer_member_int (writer, "files", self->n_files);
  obeya_json_writer_member_int (writer, "folders", self->n_folders);
  obeya_json_writer_member_int (writer, "bytes", self->total_bytes);
  obeya_json_writer_member_int (writer, "max_depth", self->max_depth);
  obeya_json_writer_member_double (writer, "average_depth", self->average_depth);
  obeya_json_writer_member_int (writer, "stale_files", self->n_stale);
  obeya_json_writer_member_int (writer, "empty_folders", self->n_empty_folders);
  obeya_json_writer_member_int (writer, "duplicate_groups", self->n_duplicate_groups);
  obeya_json_writer_member_int (writer, "duplicate_files", self->n_duplicate_files);
  obeya_json_writer_member_int (writer, "duplicate_bytes", self->duplicate_bytes);
  obeya_json_writer_member_int (writer, "bad_names", self->n_bad_names);
  obeya_json_writer_member_int (writer, "symlinks", self->n_symlinks);
  obeya_json_writer_member_int (writer, "unreadable", self->n_unreadable);

  obeya_json_writer_member (writer, "deepest");
  obeya_json_writer_begin_array (writer, OBEYA_JSON_MULTILINE);
  for (guint i = 0; i < self->deepest->len; i++)
    {
      const ObeyaScanPath *path = &g_array_index (self->deepest, ObeyaScanPath, i);

      obeya_json_writer_begin_array (writer, OBEYA_JSON_INLINE);
      obeya_json_writer_string (writer, path->path);
      obeya_json_writer_int (writer, path->value);
      obeya_json_writer_end_array (writer);
    }
  obeya_json_writer_end_array (writer);

  obeya_json_writer_member (writer, "oldest");
  obeya_json_writer_begin_array (writer, OBEYA_JSON_MULTILINE);
  for (guint i = 0; i < self->oldest->len; i++)
    {
      const ObeyaScanPath *path = &g_array_index (self->oldest, ObeyaScanPath, i);

      obeya_json_writer_begin_array (writer, OBEYA_JSON_INLINE);
      obeya_json_writer_string (writer, path->path);
      obeya_json_writer_string (writer, obeya_day_format ((ObeyaDay) path->value, buf));
      obeya_json_writer_end_array (writer);
    }
  obeya_json_writer_end_array (writer);

  obeya_json_writer_member (writer, "bad_name_examples");
  obeya_json_writer_begin_array (writer, OBEYA_JSON_MULTILINE);
  for (guint i = 0; i < self->bad_names->len; i++)
    obeya_json_writer_string (writer, g_array_index (self->bad_names, ObeyaScanPath, i).path);
  obeya_json_writer_end_array (writer);

  obeya_json_writer_member (writer, "largest_duplicates");
  obeya_json_writer_begin_array (writer, OBEYA_JSON_MULTILINE);
  for (guint i = 0; i < self->duplicates->len; i++)
    {
      const ObeyaScanDuplicates *group = &g_array_index (self->duplicates, ObeyaScanDuplicates, i);

      obeya_json_writer_begin_array (writer, OBEYA_JSON_INLINE);
      obeya_json_writer_int (writer, group->size);
      for (guint p = 0; group->paths[p] != NULL; p++)
        obeya_json_writer_string (writer, group->paths[p]);
      obeya_json_writer_end_array (writer);
    }
  obeya_json_writer_end_array (writer);
  if (self->extra != NULL)
    obeya_json_writer_members_of (writer, self->extra);
  obeya_json_writer_end_object (writer);
}

static guint64
read_count (ObeyaJsonReader *r,
            JsonObject      *object,
            const char      *member)
{
  return obeya_json_reader_get_int (r, object, member, TRUE, 0, G_MAXINT64, 0);
}

ObeyaScanResult *
_obeya_scan_result_read (ObeyaLoadContext *ctx,
                         JsonObject       *object)
{
  ObeyaJsonReader *r = ctx->reader;
  g_autoptr(ObeyaScanResult) self = obeya_scan_result_new ();
  JsonArray *array;
  guint n;

  self->folder = g_strdup (obeya_json_reader_get_string (r, object, "folder", TRUE));
  self->pattern = g_strdup (obeya_json_reader_get_string (r, object, "pattern", FALSE));
  self->stale_days = obeya_json_reader_get_int (r, object, "stale_days", TRUE, 1, 36500, 365);
  self->time = _obeya_read_timestamp_member (ctx, object, "time", TRUE);
  self->n_files = read_count (r, object, "files");
  self->n_folders = read_count (r, object, "folders");
  self->total_bytes = read_count (r, object, "bytes");
  self->max_depth = obeya_json_reader_get_int (r, object, "max_depth", TRUE, 0, G_MAXINT32, 0);
  self->average_depth = obeya_json_reader_get_double (r, object, "average_depth", TRUE, 0.0);
  if (self->average_depth < 0.0)
    obeya_json_reader_fail (r, "average_depth", _("must not be negative"));
  self->n_stale = read_count (r, object, "stale_files");
  self->n_empty_folders = read_count (r, object, "empty_folders");
  self->n_duplicate_groups = read_count (r, object, "duplicate_groups");
  self->n_duplicate_files = read_count (r, object, "duplicate_files");
  self->duplicate_bytes = read_count (r, object, "duplicate_bytes");
  self->n_bad_names = read_count (r, object, "bad_names");
  self->n_symlinks = read_count (r, object, "symlinks");
  self->n_unreadable = read_count (r, object, "unreadable");

  array = obeya_json_reader_get_array (r, object, "deepest", FALSE);
  n = array ? json_array_get_length (array) : 0;
  obeya_json_reader_push_member (r, "deepest");
  for (guint i = 0; i < n && !obeya_json_reader_failed (r); i++)
    {
      JsonArray *row = obeya_json_reader_array_array (r, array, i);
      ObeyaScanPath path = { NULL, 0 };

      if (row == NULL)
        break;
      obeya_json_reader_push_index (r, i);
      path.path = g_strdup (obeya_json_reader_array_string (r, row, 0, FALSE));
      path.value = obeya_json_reader_array_int (r, row, 1, 0, G_MAXINT32);
      obeya_json_reader_pop (r);
      g_array_append_val (self->deepest, path);
    }
  obeya_json_reader_pop (r);

  array = obeya_json_reader_get_array (r, object, "oldest", FALSE);
  n = array ? json_array_get_length (array) : 0;
  obeya_json_reader_push_member (r, "oldest");
  for (guint i = 0; i < n && !obeya_json_reader_failed (r); i++)
    {
      JsonArray *row = obeya_json_reader_array_array (r, array, i);
      ObeyaScanPath path = { NULL, 0 };
      const char *day_text;
      ObeyaDay day = OBEYA_DAY_NONE;

      if (row == NULL)
        break;
      obeya_json_reader_push_index (r, i);
      path.path = g_strdup (obeya_json_reader_array_string (r, row, 0, FALSE));
      day_text = obeya_json_reader_array_string (r, row, 1, FALSE);
      if (day_text != NULL && !obeya_day_parse (day_text, &day))
        obeya_json_reader_fail (r, NULL, _("“%s” is not a date (YYYY-MM-DD)"), day_text);
      path.value = day;
      obeya_json_reader_pop (r);
      g_array_append_val (self->oldest, path);
    }
  obeya_json_reader_pop (r);

  array = obeya_json_reader_get_array (r, object, "bad_name_examples", FALSE);
  n = array ? json_array_get_length (array) : 0;
  obeya_json_reader_push_member (r, "bad_name_examples");
  for (guint i = 0; i < n && !obeya_json_reader_failed (r); i++)
    {
      ObeyaScanPath path = { g_strdup (obeya_json_reader_array_string (r, array, i, FALSE)), 0 };
      g_array_append_val (self->bad_names, path);
    }
  obeya_json_reader_pop (r);

  array = obeya_json_reader_get_array (r, object, "largest_duplicates", FALSE);
  n = array ? json_array_get_length (array) : 0;
  obeya_json_reader_push_member (r, "largest_duplicates");
  for (guint i = 0; i < n && !obeya_json_reader_failed (r); i++)
    {
      JsonArray *row = obeya_json_reader_array_array (r, array, i);
      g_autoptr(GStrvBuilder) builder = NULL;
      ObeyaScanDuplicates group = { 0, NULL };
      guint length;

      if (row == NULL)
        break;
      obeya_json_reader_push_index (r, i);
      length = json_array_get_length (row);
      group.size = obeya_json_reader_array_int (r, row, 0, 0, G_MAXINT64);
      if (length < 3)
        obeya_json_reader_fail (r, NULL, _("expected [size, path, path, …]"));
      builder = g_strv_builder_new ();
      for (guint p = 1; p < length && !obeya_json_reader_failed (r); p++)
        {
          const char *path = obeya_json_reader_array_string (r, row, p, FALSE);
          if (path != NULL)
            g_strv_builder_add (builder, path);
        }
      group.paths = g_strv_builder_end (builder);
      obeya_json_reader_pop (r);
      g_array_append_val (self->duplicates, group);
    }
  obeya_json_reader_pop (r);

  self->extra = obeya_json_collect_unknown (object, result_members);
  if (obeya_json_reader_failed (r))
    return NULL;
  return g_steal_pointer (&self);
}
