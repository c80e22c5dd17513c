/* notes.c: the planner's own text in report.html (`compare --notes FILE`):
 * plain text or a small Markdown subset, every character escaped:
 * paragraphs (lines joined, blank lines between), headings (#, ##, ###),
 * bullet lists (- * +) and numbered lists (1. or 1)), **bold** / __bold__,
 * *italic* / _italic_, `code`, and backslash escapes. Anything else is
 * shown as written. Linear in the length of the text. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "page.h"
#include "../base/utf8.h"

enum { EM_BOLD = 1, EM_ITALIC = 2, EM_CODE = 4 };

static int is_space(char c)
{
    return c == ' ' || c == '\t';
}

static int is_word(char c)
{
    return isalnum((unsigned char)c) || (unsigned char)c >= 0x80;
}

/* 1 when the delimiter (len bytes of ch) at s[j] may close an emphasis:
 * after no space, for '_' before no word character, and (single) not part
 * of a double one. */
static int closes(const char *s, size_t n, size_t j, char ch, size_t len, size_t from)
{
    if (j <= from || is_space(s[j - 1]))
        return 0;
    if (len == 1 && (s[j - 1] == ch || (j + 1 < n && s[j + 1] == ch)))
        return 0;
    return ch != '_' || j + len >= n || !is_word(s[j + len]);
}

/* Text s[0..n) with its inline marks; `allowed` are the marks it may still
 * open (a mark does not nest in itself). */
static void inline_md(rs_textbuf *b, const char *s, size_t n, unsigned allowed)
{
    size_t i = 0, run = 0;
    unsigned exhausted = 0;          /* marks with no closer left: bit (mark << ch is '_') */
    while (i < n) {
        char ch = s[i];
        if (ch == '\\' && i + 1 < n && strchr("\\`*_#-+.!()[]", s[i + 1])) {
            rp_esc_n(b, s + run, i - run);
            rp_esc_n(b, s + i + 1, 1);
            i += 2;
            run = i;
            continue;
        }
        if (ch == '`' && (allowed & EM_CODE) && !(exhausted & EM_CODE)) {
            const char *e = memchr(s + i + 1, '`', n - i - 1);
            if (e) {
                rp_esc_n(b, s + run, i - run);
                rp_raw(b, "<code>");
                rp_esc_n(b, s + i + 1, (size_t)(e - s) - i - 1);
                rp_raw(b, "</code>");
                i = (size_t)(e - s) + 1;
                run = i;
                continue;
            }
            exhausted |= EM_CODE;
        }
        if (ch == '*' || ch == '_') {
            size_t len = i + 1 < n && s[i + 1] == ch ? 2 : 1;
            unsigned mark = len == 2 ? EM_BOLD : EM_ITALIC;
            unsigned bit = mark << (ch == '_' ? 3 : 0);
            int opens = i + len < n && !is_space(s[i + len]) && (allowed & mark) &&
                        !(exhausted & bit) && (ch != '_' || i == 0 || !is_word(s[i - 1]));
            if (opens) {
                size_t from = i + len, j = from;
                int found = 0;
                for (; j + len <= n; j++)
                    if (s[j] == ch && (len == 1 || s[j + 1] == ch) && closes(s, n, j, ch, len, from)) {
                        found = 1;
                        break;
                    }
                /* a closing run longer than the mark ends with it ("***") */
                while (found && len == 2 && j + 2 < n && s[j + 2] == ch)
                    j++;
                if (found) {
                    rp_esc_n(b, s + run, i - run);
                    rp_raw(b, mark == EM_BOLD ? "<b>" : "<i>");
                    inline_md(b, s + from, j - from, allowed & ~mark);
                    rp_raw(b, mark == EM_BOLD ? "</b>" : "</i>");
                    i = j + len;
                    run = i;
                    continue;
                }
                exhausted |= bit;
            }
            i += len;
            continue;
        }
        i++;
    }
    rp_esc_n(b, s + run, n - run);
}

/* First code point of s is CJK (U+2E80 and up): lines of Chinese join
 * without a space. */
static int cjk_at(const char *s)
{
    unsigned long cp;
    return (unsigned char)*s >= 0x80 && rs_utf8_decode((const unsigned char *)s, &cp) && cp >= 0x2E80;
}

static int cjk_before(const rs_textbuf *t)
{
    if (!t->len)
        return 0;
    size_t k = t->len;
    while (k > 0 && ((unsigned char)t->p[k - 1] & 0xC0) == 0x80)
        k--;
    return k > 0 && cjk_at(t->p + k - 1);
}

typedef struct {
    rs_textbuf *b;
    rs_textbuf text;          /* the open paragraph or list item, raw */
    int block;                /* 0 none, 'p' paragraph, 'u' / 'o' list item */
    int list;                 /* 0, 'u' or 'o': the open list */
} md;

static void md_add(md *m, const char *s, size_t n)
{
    if (m->text.len && !(cjk_before(&m->text) && n && cjk_at(s)))
        rs_textbuf_put(&m->text, " ", 1);
    rs_textbuf_put(&m->text, s, n);
}

static void md_close_block(md *m)
{
    if (m->block) {
        rp_raw(m->b, m->block == 'p' ? "<p>" : "<li>");
        inline_md(m->b, m->text.p ? m->text.p : "", m->text.len, EM_BOLD | EM_ITALIC | EM_CODE);
        rp_raw(m->b, m->block == 'p' ? "</p>\n" : "</li>\n");
        if (m->text.failed)
            m->b->failed = 1;
        m->text.len = 0;
        if (m->text.p)
            m->text.p[0] = '\0';
    }
    m->block = 0;
}

static void md_close_list(md *m)
{
    md_close_block(m);
    if (m->list)
        rp_raw(m->b, m->list == 'u' ? "</ul>\n" : "</ol>\n");
    m->list = 0;
}

/* A list item at s: its kind ('u', 'o' or 0) and where its text starts. */
static int list_item(const char *s, size_t n, size_t *text)
{
    size_t i = 0;
    while (i < n && is_space(s[i]))
        i++;
    if (i + 1 < n && strchr("-*+", s[i]) && is_space(s[i + 1])) {
        *text = i + 2;
        return 'u';
    }
    size_t d = i;
    while (d < n && d - i < 9 && isdigit((unsigned char)s[d]))
        d++;
    if (d > i && d + 1 < n && (s[d] == '.' || s[d] == ')') && is_space(s[d + 1])) {
        *text = d + 2;
        return 'o';
    }
    return 0;
}

static void md_line(md *m, const char *s, size_t n)
{
    size_t lead = 0, text;
    while (lead < n && is_space(s[lead]))
        lead++;
    if (lead == n) {                               /* blank: ends paragraph and list */
        md_close_list(m);
        return;
    }
    size_t h = lead;
    while (h < n && s[h] == '#' && h - lead < 7)
        h++;
    if (lead < 4 && h > lead && h - lead <= 6 && (h == n || is_space(s[h]))) {
        int level = (int)(h - lead);
        size_t e = n;
        while (e > h && (is_space(s[e - 1]) || s[e - 1] == '#'))
            e--;
        while (h < e && is_space(s[h]))
            h++;
        md_close_list(m);
        int tag = level == 1 ? 3 : level == 2 ? 4 : 5;
        rp_hf(m->b, "<h%d>", tag);
        inline_md(m->b, s + h, e > h ? e - h : 0, EM_BOLD | EM_ITALIC | EM_CODE);
        rp_hf(m->b, "</h%d>\n", tag);
        return;
    }
    int kind = list_item(s, n, &text);
    if (kind) {
        md_close_block(m);
        if (m->list != kind) {
            md_close_list(m);
            rp_raw(m->b, kind == 'u' ? "<ul>\n" : "<ol>\n");
            m->list = kind;
        }
        m->block = kind;
        while (text < n && is_space(s[text]))
            text++;
        md_add(m, s + text, n - text);
        return;
    }
    if (m->block == 'p' || (m->list && lead > 0)) {  /* the open block goes on */
        md_add(m, s + lead, n - lead);
        return;
    }
    md_close_list(m);
    m->block = 'p';
    md_add(m, s + lead, n - lead);
}

void rp_notes_html(rs_textbuf *b, const char *text)
{
    md m = {b, {0}, 0, 0};
    const char *p = text ? text : "";
    while (*p) {
        size_t n = strcspn(p, "\n");
        size_t len = n > 0 && p[n - 1] == '\r' ? n - 1 : n;
        md_line(&m, p, len);
        p += n + (p[n] == '\n');
    }
    md_close_list(&m);
    rs_textbuf_release(&m.text);
}

int rs_notes_load(const char *path, char **text, rs_error *err)
{
    *text = NULL;
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return rs_error_set(err, RS_ENOINPUT, "%s: cannot read the notes: %s", path, strerror(errno));
    char *buf = malloc(RS_NOTES_MAX + 2);
    if (!buf) {
        fclose(fp);
        return rs_error_set(err, RS_ESOFTWARE, "out of memory");
    }
    size_t n = fread(buf, 1, RS_NOTES_MAX + 1, fp);
    int bad = ferror(fp);
    fclose(fp);
    int rc = RS_OK;
    if (bad)
        rc = rs_error_set(err, RS_ENOINPUT, "%s: cannot read the notes", path);
    else if (n > RS_NOTES_MAX)
        rc = rs_error_set(err, RS_EDATA, "%s: the notes are longer than %d bytes", path, RS_NOTES_MAX);
    else if (memchr(buf, '\0', n))
        rc = rs_error_set(err, RS_EDATA, "%s: the notes hold a NUL byte (not a text file?)", path);
    if (rc) {
        free(buf);
        return rc;
    }
    buf[n] = '\0';
    size_t skip = n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    memmove(buf, buf + skip, n - skip + 1);
    *text = buf;
    return RS_OK;
}
