/* test_rollback.c - the rollback journal (store/rollback.h): saved ranges
 * are written back, a cut record cuts a log back to its length, undoing
 * twice is harmless, a journal naming a file it may not is refused, one of
 * version 2 is undone, and one of many records round trips. */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "base/fileio.h"
#include "store/rollback.h"

static char dir[] = "bt_rollback_XXXXXX"; /* in the working directory */

static void put_file(const char *rel, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    FILE *f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
}

static int file_is(const char *rel, const char *want)
{
    char path[256];
    struct bt_buf b;
    struct bt_error e;
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    if (bt_file_read(path, &b, &e) != 0)
        return 0;
    int same = b.len == strlen(want) && memcmp(b.data, want, b.len) == 0;
    bt_buf_release(&b);
    return same;
}

/* Writes a journal at DB/.rollback: the first 4 bytes of ind/a.rrd as
 * they are now, and loads.csv's (or name's) length now. */
static int journal(const char *log, struct bt_error *e)
{
    char path[256];
    struct bt_rollback r;
    struct bt_range rg = {0, 4};
    struct stat st;
    snprintf(path, sizeof path, "%s/%s", dir, log);
    stat(path, &st);
    snprintf(path, sizeof path, "%s/.rollback", dir);
    if (bt_rollback_begin(&r, path, e) != 0 ||
        bt_rollback_put(&r, "ind/a.rrd", &rg, 1, (const unsigned char *)"abcd", e) != 0 ||
        bt_rollback_cut(&r, log, (uint64_t)st.st_size, e) != 0 ||
        bt_rollback_finish(&r, e) != 0)
        return -1;
    bt_rollback_release(&r);
    return 0;
}

/* Appends n bytes to buf at *len, and to the byte-wise FNV-1a 64 *h. */
static void add(unsigned char *buf, size_t *len, uint64_t *h, const void *p,
                size_t n)
{
    memcpy(buf + *len, p, n);
    for (size_t i = 0; i < n; i++)
        *h = (*h ^ buf[*len + i]) * 1099511628211ull;
    *len += n;
}

/* Writes at path, as a version 2 journal (an older baytrack's, left by a
 * kill) would be: the first 4 bytes of ind/a.rrd were "abcd". */
static void journal_v2(const char *path)
{
    unsigned char buf[256];
    size_t len = 0;
    uint64_t h = 1469598103934665603ull, off = 0, n = 4;
    uint32_t rel = 9, end = 0;
    add(buf, &len, &h, "baytrack rollback 2\n", 20);
    add(buf, &len, &h, &rel, 4);
    add(buf, &len, &h, "ind/a.rrd", 9);
    add(buf, &len, &h, &off, 8);
    add(buf, &len, &h, &n, 8);
    add(buf, &len, &h, "abcd", 4);
    add(buf, &len, &h, &end, 4);
    memcpy(buf + len, &h, 8);
    FILE *f = fopen(path, "wb");
    fwrite(buf, 1, len + 8, f);
    fclose(f);
}

/* A journal of many records, of more than one chunk written at once and
 * of lengths that are no multiple of 8, undoes every one of them. */
static void many_records(const char *path)
{
    struct bt_error e;
    struct bt_rollback r;
    char want[3001];
    for (int i = 0; i < 3000; i++)
        want[i] = (char)('a' + i % 26);
    want[3000] = '\0';
    put_file("ind/a.rrd", want);
    CHECK(bt_rollback_begin(&r, path, &e) == 0);
    for (uint64_t i = 0; i < 3000; i += 3) {
        struct bt_range rg = {i, 3};
        CHECK(bt_rollback_put(&r, "ind/a.rrd", &rg, 1,
                              (const unsigned char *)want + i, &e) == 0);
    }
    CHECK(bt_rollback_finish(&r, &e) == 0);
    bt_rollback_release(&r);
    char spoilt[3001];
    memset(spoilt, 'Z', 3000);
    spoilt[3000] = '\0';
    put_file("ind/a.rrd", spoilt);
    CHECK(bt_rollback_undo(dir, path, NULL, NULL, &e) == 0);
    CHECK(file_is("ind/a.rrd", want));
}

int main(void)
{
    struct bt_error e;
    char path[256], sub[256];
    if (!mkdtemp(dir))
        return 1;
    snprintf(sub, sizeof sub, "%s/ind", dir);
    mkdir(sub, 0755);
    snprintf(path, sizeof path, "%s/.rollback", dir);

    put_file("ind/a.rrd", "abcdefgh");
    put_file("loads.csv", "header\nline1\n");
    CHECK(journal("loads.csv", &e) == 0);
    /* the load: the file written in place, the log appended to */
    put_file("ind/a.rrd", "WXYZefgh");
    put_file("loads.csv", "header\nline1\nline2\n");
    CHECK(bt_rollback_undo(dir, path, NULL, NULL, &e) == 0);
    CHECK(file_is("ind/a.rrd", "abcdefgh"));
    CHECK(file_is("loads.csv", "header\nline1\n"));
    /* repeating it is harmless: a log is cut, never grown back */
    CHECK(bt_rollback_undo(dir, path, NULL, NULL, &e) == 0);
    CHECK(file_is("loads.csv", "header\nline1\n"));
    put_file("loads.csv", "header\n");
    CHECK(bt_rollback_undo(dir, path, NULL, NULL, &e) == 0);
    CHECK(file_is("loads.csv", "header\n"));

    /* a cut record may name only a log at the top of the database */
    CHECK(!bt_rollback_log_ok("ind/a.rrd") && !bt_rollback_log_ok("../loads.csv"));
    CHECK(bt_rollback_log_ok("loads.csv") && bt_rollback_log_ok("added.csv"));
    put_file("notes.txt", "keep\n");
    CHECK(journal("notes.txt", &e) == 0);
    put_file("notes.txt", "keep\nmore\n");
    CHECK(bt_rollback_undo(dir, path, NULL, NULL, &e) == -1);
    CHECK(strstr(e.msg, "which is not a log of the database") != NULL);
    CHECK(file_is("notes.txt", "keep\nmore\n"));

    /* a damaged journal is refused, nothing written back */
    CHECK(journal("loads.csv", &e) == 0);
    int fd = open(path, O_WRONLY);
    CHECK(pwrite(fd, "X", 1, 30) == 1);
    close(fd);
    put_file("loads.csv", "header\nline9\n");
    CHECK(bt_rollback_undo(dir, path, NULL, NULL, &e) == -1);
    CHECK(strstr(e.msg, "is damaged") != NULL);
    CHECK(file_is("loads.csv", "header\nline9\n"));

    /* a version 2 journal (byte-wise checksum) is undone too */
    put_file("ind/a.rrd", "WXYZefgh");
    journal_v2(path);
    CHECK(bt_rollback_undo(dir, path, NULL, NULL, &e) == 0);
    CHECK(file_is("ind/a.rrd", "abcdefgh"));
    /* and is refused when damaged */
    fd = open(path, O_WRONLY);
    CHECK(pwrite(fd, "X", 1, 25) == 1);
    close(fd);
    CHECK(bt_rollback_undo(dir, path, NULL, NULL, &e) == -1);

    /* a newer version is named as such, not called damaged */
    FILE *f = fopen(path, "wb");
    fputs("baytrack rollback 9\nwhatever a later version writes", f);
    fclose(f);
    CHECK(bt_rollback_undo(dir, path, NULL, NULL, &e) == -1);
    CHECK(strstr(e.msg, "of a version this baytrack does not know (baytrack rollback 9)") != NULL);

    many_records(path);

    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK(system(cmd) == 0);
    return CHECK_DONE();
}
