/* output.c - printing helpers shared by the commands. */
#include <string.h>

#include "base/csv_read.h"
#include "cli.h"

void bt_cli_diags(const char *file, struct bt_diags *d, size_t max)
{
    struct bt_buf text = {0};
    bt_diags_text(d, file, max, &text);
    if (text.len)
        fputs(text.data, stderr);
    bt_buf_release(&text);
}

void bt_json_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else if (*p < 0x20)
            fprintf(f, "\\u%04x", *p);
        else
            fputc(*p, f);
    }
    fputc('"', f);
}

void bt_csv_field(FILE *f, const char *s)
{
    struct bt_buf b = {0};
    bt_csv_cell(&b, s);
    fwrite(b.data, 1, b.len, f);
    bt_buf_release(&b);
}

size_t bt_text_width(const char *s)
{
    size_t w = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        unsigned cp = *p;
        int k = cp < 0x80 ? 0 : cp < 0xe0 ? 1 : cp < 0xf0 ? 2 : 3;
        cp &= k ? 0x3fu >> k : 0x7fu;
        for (int i = 1; i <= k && p[i]; i++)
            cp = cp << 6 | (p[i] & 0x3f);
        p += k + 1;
        /* East Asian wide and fullwidth ranges take two cells */
        int wide = (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) ||
                   (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
                   (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
                   (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd);
        w += wide ? 2 : 1;
    }
    return w;
}

void bt_print_padded(FILE *f, const char *s, size_t width)
{
    fputs(s, f);
    for (size_t w = bt_text_width(s); w < width; w++)
        fputc(' ', f);
}

int bt_cli_chart_error(const struct bt_cli *cli, const struct bt_error *e)
{
    int missing = strstr(e->msg, "not installed") != NULL;
    int gnuplot = missing || strstr(e->msg, "gnuplot") != NULL;
    return bt_cli_error(cli, gnuplot ? BT_EXIT_SOFTWARE : BT_EXIT_IO, "%s%s",
                        e->msg,
                        missing ? "; install gnuplot (Debian: apt-get install "
                                  "gnuplot-nox); 'baytrack status' works without it"
                                : "");
}

int bt_cli_where(const struct bt_cli *cli, char *arg, struct bt_dim *where,
                 size_t *n)
{
    char *eq = strchr(arg, '=');
    if (!eq || eq == arg || *n == BT_DIMS_MAX)
        return bt_cli_usage(cli, "--where '%s' should be DIM=VALUE", arg);
    *eq = '\0';
    where[(*n)++] = (struct bt_dim){arg, eq + 1};
    return 0;
}
