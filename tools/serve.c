/* serve.c: the live preview: serves the built site with libmicrohttpd on a loopback address,
 * watches the book's folder with inotify, rebuilds on every save, and tells open pages to
 * reload (or to show the build's error in a banner) through a long-polled status address.
 * One request must not stop it: it answers only to its own host names, redirects folders,
 * caps connections and waiting pages, and cuts off clients that send a request head slowly. */
#define _GNU_SOURCE
#include "serve.h"
#include "layout.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <microhttpd.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/inotify.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "early.h"
#include "json.h"
#include "media.h"
#include "out.h"
#include "util.h"

#define QUIET_MS 10          /* a burst of saves ends when the folder is quiet this long */
#define WAIT_SECONDS 25      /* how long a page's status request waits for a new build */
#define HEAD_SECONDS 10      /* how long a client has to send a whole request head */
#define MAX_CONNECTIONS 128  /* open connections, from all clients */
#define MAX_PER_CLIENT 32    /* open connections from one address */
#define MAX_WAITING 16       /* status requests waiting for a build; a new one frees the oldest */
#define MAX_WATCH_DEPTH 16
#define WATCH_EVENTS (IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE)

/* The longest page name a browser's status request may give, as "roles-studio.html". */
#define PAGE_NAME_MAX 128
/* The most pages a status answer lists; when a build changed more, every page reloads. */
#define MAX_LISTED 64

/* A page rendered early in a rebuild, served in place of the site's file until the rebuild
 * ends. */
struct early_page {
	char name[PAGE_NAME_MAX];
	char *html;
	size_t len;
	int changed; /* it differs from the page published before the rebuild */
};

/* One open connection, and when it must have sent its request head. */
struct visitor {
	int fd;
	int answering;            /* its request head has arrived and is being answered */
	struct timespec head_by;  /* otherwise: the deadline for the next request head */
	struct visitor *next;
};

struct server {
	const struct serve_options *opts;
	pthread_mutex_t lock;
	pthread_cond_t changed;    /* a build finished, the server stops, or a wait was freed */
	unsigned long build;       /* the number of the latest build, good or bad */
	char error[1024];          /* its first error, or "" when it succeeded */
	int stopping;
	unsigned long tickets;               /* status requests that have waited so far */
	unsigned long waiting[MAX_WAITING];  /* the ticket of the one in each place, or 0 */
	char watching[MAX_WAITING][PAGE_NAME_MAX]; /* the page it came from ("ch.html"), or "" */
	struct early_page early[MAX_WAITING]; /* pages a rebuild showed before it ended */
	size_t nearly;
	const char *listing;       /* the latest build's status lists the only pages to reload:
	                            * those shown early ("only") or those it changed ("changed");
	                            * NULL: reload every page */
	char listed[MAX_LISTED][PAGE_NAME_MAX];
	size_t nlisted;
	char changed_pages[MAX_LISTED][PAGE_NAME_MAX]; /* the pages the rebuild changed */
	size_t nchanged;
	int compared;              /* the rebuild told which pages it changed */
	int changed_all;           /* ... every page (or too many to list) */
	pthread_mutex_t visitors_lock;
	struct visitor *visitors;  /* the open connections */
	int inotify;
	struct stat output;        /* the output folder, never watched; st_ino 0 while it is absent */
};

/* The script every served page gets: it waits for the next build, then reloads the page, or
 * shows the build's error in a banner while the last good pages stay. A rebuild that showed
 * the open pages early says which it showed ("only"); when it ends, it lists the pages it
 * changed ("changed"), but for those shown early as it published them. A page that saw the
 * build before and is not listed skips the reload.
 * The page's root says which build it has seen last (data-mixdown-build).
 * After an answer with no new build (the wait ran out, or a newer page took its place) it
 * pauses a second, so that more pages than may wait take turns slowly. */
static const char live_js[] =
	"(function () {\n"
	"  var build = null;\n"
	"  function banner(text) {\n"
	"    var b = document.getElementById('mixdown-error');\n"
	"    if (!text) { if (b) b.remove(); return; }\n"
	"    if (!b) {\n"
	"      b = document.createElement('div'); b.id = 'mixdown-error'; b.setAttribute('role', 'alert');\n"
	"      b.style.cssText = 'position:fixed;left:0;right:0;bottom:0;z-index:1000;padding:.75rem 1rem;'\n"
	"        + 'background:#8b1a1a;color:#fff;font:14px/1.4 ui-monospace,monospace;white-space:pre-wrap';\n"
	"      document.body.appendChild(b);\n"
	"    }\n"
	"    b.textContent = 'The book did not build:\\n' + text;\n"
	"  }\n"
	"  function stays(s) {\n"
	"    var page = location.pathname.replace(/^\\//, '').replace(/^$|\\/$/, '$&index.html');\n"
	"    if (s.build !== build + 1) return false;\n"
	"    return s.only ? s.only.indexOf(page) < 0 : !!s.changed && s.changed.indexOf(page) < 0;\n"
	"  }\n"
	"  function wait() {\n"
	"    fetch('/_mixdown/status?after=' + (build === null ? '' : build) + '&page='\n"
	"          + encodeURIComponent(location.pathname), {cache: 'no-store'})\n"
	"      .then(function (r) { return r.json(); })\n"
	"      .then(function (s) {\n"
	"        if (build !== null && s.build !== build && !s.error && !stays(s)) {\n"
	"          location.reload(); return;\n"
	"        }\n"
	"        var same = s.build === build;\n"
	"        build = s.build; banner(s.error); setTimeout(wait, same ? 1000 : 0);\n"
	"        document.documentElement.setAttribute('data-mixdown-build', build);\n"
	"      })\n"
	"      .catch(function () { setTimeout(wait, 1000); });\n"
	"  }\n"
	"  wait();\n"
	"})();\n";

static const char live_tag[] = "<script src=\"/_mixdown/live.js\"></script>";

/* Shown, with the live script, for every page while no build has succeeded yet. */
static const char not_built_html[] =
	"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not built yet</title>"
	"</head>\n<body><p>The book has not been built yet. This page shows the site as soon as a "
	"save fixes the error below.</p></body></html>\n";

/* ---- HTTP ---- */

static const char *content_type(const char *path)
{
	const char *type = media_type_of(path);
	return type != NULL ? type : "application/octet-stream";
}

/* Queues r with its type and no caching, then lets go of it; NULL (out of memory) fails the
 * request, and libmicrohttpd closes the connection. */
static enum MHD_Result send_response(struct MHD_Connection *c, unsigned status, const char *type,
                                     struct MHD_Response *r)
{
	enum MHD_Result ret;

	if (r == NULL)
		return MHD_NO;
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
		MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
	ret = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ret;
}

static enum MHD_Result send_buffer(struct MHD_Connection *c, unsigned status, const char *type,
                                   const void *data, size_t len)
{
	return send_response(c, status, type,
	                     MHD_create_response_from_buffer(len, (void *)data, MHD_RESPMEM_MUST_COPY));
}

static enum MHD_Result send_text(struct MHD_Connection *c, unsigned status, const char *text)
{
	return send_buffer(c, status, "text/plain; charset=utf-8", text, strlen(text));
}

/* An HTML page with the live script just before its </body>. */
static enum MHD_Result send_page(struct MHD_Connection *c, unsigned status, const char *html,
                                 size_t len)
{
	const char *end = strstr(html, "</body>");
	size_t before = end != NULL ? (size_t)(end - html) : len;
	size_t tag = end != NULL ? sizeof live_tag - 1 : 0;
	char *page = malloc(len + tag);
	struct MHD_Response *r;

	if (page == NULL)
		return MHD_NO;
	memcpy(page, html, before);
	memcpy(page + before, live_tag, tag);
	memcpy(page + before + tag, html + before, len - before);
	r = MHD_create_response_from_buffer(len + tag, page, MHD_RESPMEM_MUST_FREE);
	if (r == NULL)
		free(page);
	return send_response(c, status, "text/html; charset=utf-8", r);
}

/* Splits a Host header into its name (without brackets) and whether its port is ours. Only
 * a bracketed name holds colons: an IPv6 address. */
static int split_host(const char *host, unsigned port, char *name, size_t size)
{
	int bracketed = host[0] == '[';
	const char *start = host + bracketed;
	const char *end = bracketed ? strchr(host, ']') : strchr(host, ':');
	char ours[16];

	if (bracketed && end == NULL)
		return 0;
	if (end == NULL)
		end = host + strlen(host);
	if ((size_t)(end - start) >= size ||
	    (bracketed && memchr(start, ':', (size_t)(end - start)) == NULL))
		return 0;
	memcpy(name, start, (size_t)(end - start));
	name[end - start] = '\0';
	end += bracketed;
	snprintf(ours, sizeof ours, ":%u", port);
	return strcmp(end, ours) == 0 || (*end == '\0' && port == 80);
}

/* The 16 bytes of an address literal (IPv4 as mapped IPv6), or 0 when text is not one. */
static int address_bytes(const char *text, struct in6_addr *a)
{
	struct in_addr v4;

	if (inet_pton(AF_INET6, text, a) == 1)
		return 1;
	if (inet_pton(AF_INET, text, &v4) != 1)
		return 0;
	memset(a, 0, sizeof *a);
	a->s6_addr[10] = a->s6_addr[11] = 0xff;
	memcpy(a->s6_addr + 12, &v4, 4);
	return 1;
}

/* Is a the unspecified address, :: or 0.0.0.0, that listens on every address? */
static int is_every_address(const struct in6_addr *a)
{
	static const struct in6_addr v4_any = {.s6_addr = {[10] = 0xff, [11] = 0xff}};

	return IN6_IS_ADDR_UNSPECIFIED(a) || memcmp(a, &v4_any, sizeof *a) == 0;
}

int serve_host_is_ours(const char *host, const char *bind, unsigned port)
{
	struct in6_addr asked, bound;
	char name[64];

	if (!split_host(host, port, name, sizeof name))
		return 0;
	if (strcasecmp(name, "localhost") == 0)
		return 1;
	if (!address_bytes(name, &asked) || !address_bytes(bind, &bound))
		return 0;
	return serve_is_loopback(name) || memcmp(&asked, &bound, sizeof asked) == 0 ||
	       is_every_address(&bound);
}

/* 400 without a Host header, 421 with another server's; NULL when the host is ours. */
static const char *host_refusal(const struct server *s, struct MHD_Connection *c, unsigned *status)
{
	const char *host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST);

	*status = host == NULL ? MHD_HTTP_BAD_REQUEST : MHD_HTTP_MISDIRECTED_REQUEST;
	if (host == NULL)
		return "The request has no Host header.\n";
	return serve_host_is_ours(host, s->opts->bind, s->opts->port) ? NULL
	                             : "This preview answers only at localhost, 127.0.0.1, [::1] or "
	                               "the address it listens on, with its port.\n";
}

/* Is page a name a status answer may list: a page at the site's top, of letters, digits, '.',
 * '_' and '-' (so that it is the same in the browser's address, where no escape changes it)? */
static int is_page_name(const char *page)
{
	size_t len = strlen(page);

	if (len >= PAGE_NAME_MAX || !ends_with(page, ".html") || page[0] == '.')
		return 0;
	for (const char *c = page; *c != '\0'; c++)
		if (!(isalnum((unsigned char)*c) || *c == '.' || *c == '_' || *c == '-'))
			return 0;
	return 1;
}

/* The page a URL path names, as the site's file ("/ch.html" is "ch.html", "/" is
 * "index.html"), into name; 0 for any other path. */
static int page_of_url(const char *url, char *name)
{
	const char *page = url[0] == '/' && url[1] == '\0' ? "index.html" : url + 1;

	if (url[0] != '/' || !is_page_name(page))
		return 0;
	memcpy(name, page, strlen(page) + 1);
	return 1;
}

/* The file or folder a URL path names inside the site, or NULL: no "..", nothing outside. */
static char *site_path(const char *site, const char *url)
{
	char *joined, *canonical;
	size_t n = strlen(site);

	if (url[0] != '/' || strstr(url, "/..") != NULL || strstr(url, "//") != NULL)
		return NULL;
	joined = xasprintf("%s%s%s", site, url, url[strlen(url) - 1] == '/' ? "index.html" : "");
	canonical = realpath(joined, NULL);
	free(joined);
	if (canonical != NULL && (strncmp(canonical, site, n) != 0 || canonical[n] != '/')) {
		free(canonical);
		return NULL;
	}
	return canonical;
}

/* 301 to a folder's address with a slash, where its index.html is served. Everything
 * but unreserved characters and '/' is percent-escaped. */
static enum MHD_Result send_folder_redirect(struct MHD_Connection *c, const char *url)
{
	static const char keep[] = "-._~/";
	char location[3 * PATH_MAX + 2];
	size_t n = 0;
	struct MHD_Response *r;

	for (const unsigned char *p = (const unsigned char *)url;
	     *p != '\0' && n + 4 < sizeof location; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr(keep, *p) != NULL)
			location[n++] = (char)*p;
		else
			n += (size_t)snprintf(location + n, sizeof location - n, "%%%02X", *p);
	}
	location[n++] = '/';
	location[n] = '\0';
	r = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
	if (r != NULL)
		MHD_add_response_header(r, MHD_HTTP_HEADER_LOCATION, location);
	return send_response(c, MHD_HTTP_MOVED_PERMANENTLY, "text/plain; charset=utf-8", r);
}

/* Reads an HTML file of size bytes from fd and sends it with the live script. */
static enum MHD_Result send_html_file(struct MHD_Connection *c, unsigned status, int fd,
                                      size_t size)
{
	char *html = malloc(size + 1);
	size_t got = 0;
	ssize_t n = 1;
	enum MHD_Result ret;

	while (html != NULL && got < size && (n = read(fd, html + got, size - got)) > 0)
		got += (size_t)n;
	close(fd);
	if (html == NULL || n < 0) {
		free(html);
		return send_text(c, MHD_HTTP_INTERNAL_SERVER_ERROR, "The page cannot be read.\n");
	}
	html[got] = '\0';
	ret = send_page(c, status, html, got);
	free(html);
	return ret;
}

/* Sends the regular file at path, or returns -1 and sends nothing when it is not one: a
 * folder, a device or a file that vanished. */
static int send_regular_file(struct MHD_Connection *c, unsigned status, const char *path,
                             enum MHD_Result *ret)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	const char *type = content_type(path);
	struct stat st;

	if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (strncmp(type, "text/html", 9) == 0) {
		*ret = send_html_file(c, status, fd, (size_t)st.st_size);
	} else {
		struct MHD_Response *r = MHD_create_response_from_fd((uint64_t)st.st_size, fd);
		if (r == NULL)
			close(fd);
		*ret = send_response(c, status, type, r);
	}
	return 0;
}

/* Is path a folder with an index.html, served at the folder's address with a slash? */
static int is_folder_with_index(const char *path)
{
	char *index = path_join(path, "index.html");
	struct stat st;
	int found = stat(path, &st) == 0 && S_ISDIR(st.st_mode) && stat(index, &st) == 0 &&
	            S_ISREG(st.st_mode);

	free(index);
	return found;
}

/* The site's 404 page, or a line of text when there is none. */
static enum MHD_Result send_not_found(struct MHD_Connection *c, const char *site)
{
	char *url = xasprintf("/%s", layout_path(LAYOUT_NOT_FOUND));
	char *page = site_path(site, url);
	enum MHD_Result ret;
	int sent = page != NULL ? send_regular_file(c, MHD_HTTP_NOT_FOUND, page, &ret) : -1;

	free(page);
	free(url);
	return sent == 0 ? ret : send_text(c, MHD_HTTP_NOT_FOUND, "Not found.\n");
}

/* What a URL names in the site: a file, a redirect for a folder with an index, the 404 page;
 * or, before any build succeeded, a page that shows the error and loads the site once it
 * builds. */
/* Sends the page url names when a rebuild showed it early; returns 0 and sends nothing when
 * none did. */
static int send_early_page(struct server *s, struct MHD_Connection *c, const char *url,
                           enum MHD_Result *ret)
{
	char name[PAGE_NAME_MAX], *html = NULL;
	size_t len = 0;

	if (!page_of_url(url, name))
		return 0;
	pthread_mutex_lock(&s->lock);
	for (size_t i = 0; i < s->nearly && html == NULL; i++)
		if (strcmp(s->early[i].name, name) == 0) {
			html = xmemdup(s->early[i].html, s->early[i].len);
			len = s->early[i].len;
		}
	pthread_mutex_unlock(&s->lock);
	if (html != NULL)
		*ret = send_page(c, MHD_HTTP_OK, html, len);
	free(html);
	return html != NULL;
}

static enum MHD_Result send_site(struct server *s, struct MHD_Connection *c, const char *url)
{
	char *site, *path;
	enum MHD_Result ret;

	if (send_early_page(s, c, url, &ret))
		return ret;
	site = realpath(s->opts->site_dir, NULL);
	path = site != NULL ? site_path(site, url) : NULL;
	if (site == NULL)
		ret = send_page(c, MHD_HTTP_SERVICE_UNAVAILABLE, not_built_html, sizeof not_built_html - 1);
	else if (path != NULL && send_regular_file(c, MHD_HTTP_OK, path, &ret) == 0)
		;
	else if (path != NULL && url[strlen(url) - 1] != '/' && is_folder_with_index(path))
		ret = send_folder_redirect(c, url);
	else
		ret = send_not_found(c, site);
	free(path);
	free(site);
	return ret;
}

/* ---- the status long-poll ---- */

/* Takes a place among the waiting status requests: a free one, else the oldest one's, whose
 * request then answers at once. */
static size_t take_waiting_place(struct server *s, unsigned long ticket)
{
	size_t place = 0;

	for (size_t i = 0; i < MAX_WAITING; i++) {
		if (s->waiting[i] == 0) {
			place = i;
			break;
		}
		if (s->waiting[i] < s->waiting[place])
			place = i;
	}
	if (s->waiting[place] != 0)
		pthread_cond_broadcast(&s->changed);
	s->waiting[place] = ticket;
	return place;
}

/* Has the client closed its side (a page that was closed or reloaded)? */
static int client_left(struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *info =
		MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
	struct pollfd p = {.fd = info != NULL ? info->connect_fd : -1, .events = POLLRDHUP};

	return info != NULL && poll(&p, 1, 0) > 0 && (p.revents & (POLLRDHUP | POLLHUP | POLLERR));
}

static struct timespec seconds_from_now(long seconds)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	t.tv_sec += seconds;
	return t;
}

static int earlier(struct timespec a, struct timespec b)
{
	return a.tv_sec < b.tv_sec || (a.tv_sec == b.tv_sec && a.tv_nsec < b.tv_nsec);
}

/* With the lock held, waits until a build after known, the server stops, a newer request
 * takes this one's place, the client leaves, or WAIT_SECONDS pass. Meanwhile the page it came
 * from (from the URL path page, when that names one) is among those a rebuild shows first. */
static void wait_for_build(struct server *s, struct MHD_Connection *c, unsigned long known,
                           const char *page)
{
	unsigned long ticket = ++s->tickets;
	size_t place = take_waiting_place(s, ticket);
	struct timespec until = seconds_from_now(WAIT_SECONDS), step;

	if (page == NULL || !page_of_url(page, s->watching[place]))
		s->watching[place][0] = '\0';

	while (s->build == known && !s->stopping && s->waiting[place] == ticket && !client_left(c) &&
	       earlier(seconds_from_now(0), until)) {
		step = seconds_from_now(1);
		pthread_cond_timedwait(&s->changed, &s->lock, earlier(step, until) ? &step : &until);
	}
	if (s->waiting[place] == ticket) {
		s->waiting[place] = 0;
		s->watching[place][0] = '\0';
	}
}

/* ,"only":["a.html",...] or ,"changed":[...] when the latest build lists pages. */
static void add_listing(const struct server *s, xmlBufferPtr body)
{
	if (s->listing == NULL)
		return;
	xmlBufferCat(body, BAD_CAST ",\"");
	xmlBufferCat(body, BAD_CAST s->listing);
	xmlBufferCat(body, BAD_CAST "\":[");
	for (size_t i = 0; i < s->nlisted; i++) {
		if (i > 0)
			xmlBufferCat(body, BAD_CAST ",");
		json_string(body, BAD_CAST s->listed[i]);
	}
	xmlBufferCat(body, BAD_CAST "]");
}

/* {"build":N,"error":"..."}, with the pages the build lists, once the build differs from
 * ?after=N or the wait is over; ?page= is the URL path of the page asking. */
static enum MHD_Result send_status(struct server *s, struct MHD_Connection *c)
{
	const char *after = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "after");
	const char *page = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "page");
	xmlBufferPtr body = xmlBufferCreate();
	char build[32];
	enum MHD_Result sent;

	pthread_mutex_lock(&s->lock);
	if (after != NULL && *after != '\0')
		wait_for_build(s, c, strtoul(after, NULL, 10), page);
	snprintf(build, sizeof build, "%lu", s->build);
	xmlBufferCat(body, BAD_CAST "{\"build\":");
	xmlBufferCat(body, BAD_CAST build);
	xmlBufferCat(body, BAD_CAST ",\"error\":");
	json_string(body, BAD_CAST s->error);
	add_listing(s, body);
	xmlBufferCat(body, BAD_CAST "}");
	pthread_mutex_unlock(&s->lock);
	sent = send_buffer(c, MHD_HTTP_OK, "application/json", xmlBufferContent(body),
	                   (size_t)xmlBufferLength(body));
	xmlBufferFree(body);
	return sent;
}

/* ---- connections ---- */

/* The connection's request head has arrived (answering) or its answer is sent: from then on
 * it has HEAD_SECONDS for the next request head. */
static void set_answering(struct server *s, struct MHD_Connection *c, int answering)
{
	const union MHD_ConnectionInfo *info =
		MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	struct visitor *v = info != NULL ? info->socket_context : NULL;

	pthread_mutex_lock(&s->visitors_lock);
	if (v != NULL) {
		v->answering = answering;
		v->head_by = seconds_from_now(HEAD_SECONDS);
	}
	pthread_mutex_unlock(&s->visitors_lock);
}

static void request_done(void *data, struct MHD_Connection *c, void **state,
                         enum MHD_RequestTerminationCode why)
{
	(void)state, (void)why;
	set_answering(data, c, 0);
}

/* Keeps the list of open connections: libmicrohttpd tells when one opens and, before it
 * closes the socket, when it ends. */
static void track_connection(void *data, struct MHD_Connection *c, void **context,
                             enum MHD_ConnectionNotificationCode event)
{
	struct server *s = data;
	struct visitor **at, *v = *context;

	pthread_mutex_lock(&s->visitors_lock);
	if (event == MHD_CONNECTION_NOTIFY_STARTED && (v = calloc(1, sizeof *v)) != NULL) {
		const union MHD_ConnectionInfo *info =
			MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
		v->fd = info != NULL ? info->connect_fd : -1;
		v->head_by = seconds_from_now(HEAD_SECONDS);
		v->next = s->visitors;
		s->visitors = v;
		*context = v;
	} else if (event == MHD_CONNECTION_NOTIFY_CLOSED && v != NULL) {
		for (at = &s->visitors; *at != v; at = &(*at)->next)
			;
		*at = v->next;
		free(v);
		*context = NULL;
	}
	pthread_mutex_unlock(&s->visitors_lock);
}

/* Shuts the socket of every connection past its deadline for a request head; the
 * connection's thread then sees the end and closes it. */
static void cut_slow_clients(struct server *s)
{
	struct timespec now = seconds_from_now(0);

	pthread_mutex_lock(&s->visitors_lock);
	for (struct visitor *v = s->visitors; v != NULL; v = v->next) {
		if (!v->answering && earlier(v->head_by, now)) {
			shutdown(v->fd, SHUT_RDWR);
			v->head_by = seconds_from_now(HEAD_SECONDS);
		}
	}
	pthread_mutex_unlock(&s->visitors_lock);
}

static enum MHD_Result handle(void *data, struct MHD_Connection *c, const char *url,
                              const char *method, const char *version, const char *upload,
                              size_t *upload_size, void **state)
{
	struct server *s = data;
	unsigned status;
	const char *refusal = host_refusal(s, c, &status);

	(void)version, (void)upload, (void)upload_size, (void)state;
	set_answering(s, c, 1);
	if (refusal != NULL)
		return send_text(c, status, refusal);
	if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
		return send_text(c, MHD_HTTP_METHOD_NOT_ALLOWED, "Only GET and HEAD are answered.\n");
	if (strcmp(url, "/_mixdown/live.js") == 0)
		return send_buffer(c, MHD_HTTP_OK, "text/javascript", live_js, sizeof live_js - 1);
	if (strcmp(url, "/_mixdown/status") == 0)
		return send_status(s, c);
	return send_site(s, c, url);
}

/* One thread per connection, so a waiting status request holds up no other; the inactivity
 * timeout outlasts that wait, and cut_slow_clients bounds the time to send a request head. */
static struct MHD_Daemon *start_daemon(struct server *s)
{
	const struct serve_options *o = s->opts;
	struct sockaddr_in v4 = {.sin_family = AF_INET, .sin_port = htons(o->port)};
	struct sockaddr_in6 v6 = {.sin6_family = AF_INET6, .sin6_port = htons(o->port)};
	int ipv6 = inet_pton(AF_INET, o->bind, &v4.sin_addr) != 1;

	if (ipv6 && inet_pton(AF_INET6, o->bind, &v6.sin6_addr) != 1)
		return NULL;
	return MHD_start_daemon(MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD |
	                            MHD_USE_POLL | (ipv6 ? MHD_USE_IPv6 : 0),
	                        o->port, NULL, NULL, handle, s, MHD_OPTION_SOCK_ADDR,
	                        ipv6 ? (struct sockaddr *)&v6 : (struct sockaddr *)&v4,
	                        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)(WAIT_SECONDS + 5),
	                        MHD_OPTION_CONNECTION_LIMIT, (unsigned)MAX_CONNECTIONS,
	                        MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)MAX_PER_CLIENT,
	                        MHD_OPTION_NOTIFY_CONNECTION, track_connection, s,
	                        MHD_OPTION_NOTIFY_COMPLETED, request_done, s, MHD_OPTION_END);
}

int serve_is_loopback(const char *address)
{
	struct in_addr v4;
	struct in6_addr v6;

	if (inet_pton(AF_INET, address, &v4) == 1)
		return (ntohl(v4.s_addr) >> 24) == 127;
	return inet_pton(AF_INET6, address, &v6) == 1 && IN6_IS_ADDR_LOOPBACK(&v6);
}

/* ---- watching and rebuilding ---- */

/* Is st the output folder? Compared by device and inode, so neither the path's spelling nor
 * a sibling whose name starts with the output folder's name matters. */
static int is_output(const struct server *s, const struct stat *st)
{
	return s->output.st_ino != 0 && st->st_dev == s->output.st_dev &&
	       st->st_ino == s->output.st_ino;
}

/* Watches a folder and those below it, but not the output folder nor hidden ones. */
static void watch_folder(struct server *s, const char *path, int depth)
{
	DIR *dir;
	struct dirent *e;
	struct stat st;

	if (depth > MAX_WATCH_DEPTH || stat(path, &st) != 0 || is_output(s, &st))
		return;
	inotify_add_watch(s->inotify, path, WATCH_EVENTS);
	dir = opendir(path);
	while (dir != NULL && (e = readdir(dir)) != NULL) {
		if (e->d_name[0] == '.' || e->d_type != DT_DIR)
			continue;
		char *child = path_join(path, e->d_name);
		watch_folder(s, child, depth + 1);
		free(child);
	}
	if (dir != NULL)
		closedir(dir);
}

/* Watches the book's folder (again after each build, for folders added since), looking up
 * the output folder each time: a build may have made it. */
static void watch_tree(struct server *s)
{
	if (stat(s->opts->out_dir, &s->output) != 0)
		s->output.st_ino = 0;
	watch_folder(s, s->opts->book_dir, 0);
}

/* The pages open in browsers, each once, copied into pages and pointed at by names. */
static size_t watched_pages(struct server *s, char pages[][PAGE_NAME_MAX], const char **names)
{
	size_t n = 0;

	pthread_mutex_lock(&s->lock);
	for (size_t i = 0; i < MAX_WAITING; i++) {
		int seen = s->watching[i][0] == '\0';
		for (size_t k = 0; k < n && !seen; k++)
			seen = strcmp(pages[k], s->watching[i]) == 0;
		if (!seen) {
			memcpy(pages[n], s->watching[i], PAGE_NAME_MAX);
			names[n] = pages[n];
			n++;
		}
	}
	pthread_mutex_unlock(&s->lock);
	return n;
}

/* Is the site's published file called name the page html, len bytes? */
static int published_alike(const struct server *s, const char *name, const char *html, size_t len)
{
	char *path = path_join(s->opts->site_dir, name);
	int same = file_holds(path, html, len);

	free(path);
	return same;
}

/* early_pages.put: keeps a page the rebuild rendered early, served until the rebuild ends. */
static int show_early(void *data, const char *name, char *html, size_t len)
{
	struct server *s = data;
	int changed = !published_alike(s, name, html, len), kept;

	pthread_mutex_lock(&s->lock);
	kept = s->nearly < MAX_WAITING && strlen(name) < PAGE_NAME_MAX;
	if (kept) {
		struct early_page *p = &s->early[s->nearly++];
		memcpy(p->name, name, strlen(name) + 1);
		p->html = html;
		p->len = len;
		p->changed = changed;
	}
	pthread_mutex_unlock(&s->lock);
	if (!kept)
		free(html);
	return kept;
}

/* early_pages.done: a build of its own, which reloads only the pages the save changed of those
 * shown early; none when it changed none of them. */
static void early_shown(void *data)
{
	struct server *s = data;
	size_t n = 0;

	pthread_mutex_lock(&s->lock);
	for (size_t i = 0; i < s->nearly; i++)
		if (s->early[i].changed)
			memcpy(s->listed[n++], s->early[i].name, PAGE_NAME_MAX);
	if (n > 0) {
		s->listing = "only";
		s->nlisted = n;
		s->error[0] = '\0';
		s->build++;
		pthread_cond_broadcast(&s->changed);
	}
	pthread_mutex_unlock(&s->lock);
}

/* early_pages.changed: the pages the rebuild is about to publish changed. */
static void tell_changed(void *data, const char *const *pages, size_t n, int whole)
{
	struct server *s = data;

	pthread_mutex_lock(&s->lock);
	s->compared = 1;
	s->changed_all = whole || n > MAX_LISTED;
	for (size_t i = 0; i < n && !s->changed_all; i++) {
		s->changed_all = !is_page_name(pages[i]);
		if (!s->changed_all)
			memcpy(s->changed_pages[s->nchanged++], pages[i], strlen(pages[i]) + 1);
	}
	pthread_mutex_unlock(&s->lock);
}

/* Was the page called name shown early as the rebuild published it? */
static int shown_as_published(const struct server *s, const char *name)
{
	for (size_t i = 0; i < s->nearly; i++)
		if (strcmp(s->early[i].name, name) == 0)
			return published_alike(s, name, s->early[i].html, s->early[i].len);
	return 0;
}

/* With the lock held, ends a rebuild (ok: published): its status lists the pages it changed,
 * but for those shown early as published, which reloaded then; the pages shown early are
 * forgotten. */
static void end_rebuild(struct server *s, int ok)
{
	s->listing = ok && s->compared && !s->changed_all ? "changed" : NULL;
	s->nlisted = 0;
	for (size_t i = 0; s->listing != NULL && i < s->nchanged; i++)
		if (!shown_as_published(s, s->changed_pages[i]))
			memcpy(s->listed[s->nlisted++], s->changed_pages[i], PAGE_NAME_MAX);
	for (size_t i = 0; i < s->nearly; i++)
		free(s->early[i].html);
	s->nearly = s->nchanged = 0;
	s->compared = s->changed_all = 0;
}

static void rebuild(struct server *s)
{
	char error[1024] = "", pages[MAX_WAITING][PAGE_NAME_MAX];
	const char *names[MAX_WAITING];
	struct early_pages early = {names, watched_pages(s, pages, names), show_early, early_shown,
	                            tell_changed, s};
	int ok = s->opts->build(s->opts->data, &early, error, sizeof error);

	pthread_mutex_lock(&s->lock);
	end_rebuild(s, ok);
	s->build++;
	snprintf(s->error, sizeof s->error, "%s", ok ? "" : error);
	pthread_cond_broadcast(&s->changed);
	pthread_mutex_unlock(&s->lock);
	watch_tree(s);
}

/* Drains inotify; returns whether anything changed. */
static int drain_events(int fd)
{
	char buf[8192] __attribute__((aligned(__alignof__(struct inotify_event))));
	int changed = 0;

	while (read(fd, buf, sizeof buf) > 0)
		changed = 1;
	return changed;
}

/* Waits for saves; each burst of them, once quiet, triggers one rebuild. Between events it
 * cuts off clients too slow to send a request head. */
static void watch_loop(struct server *s)
{
	struct pollfd p = {.fd = s->inotify, .events = POLLIN};
	int pending = 0;

	while (!out_interrupted()) {
		int ready = poll(&p, 1, pending ? QUIET_MS : 200);
		cut_slow_clients(s);
		if (ready > 0 && drain_events(s->inotify)) {
			pending = 1;
			continue;
		}
		if (ready == 0 && pending) {
			pending = 0;
			rebuild(s);
		}
	}
}

static void start_server(struct server *s, const struct serve_options *o)
{
	pthread_condattr_t monotonic;

	memset(s, 0, sizeof *s);
	s->opts = o;
	pthread_mutex_init(&s->lock, NULL);
	pthread_mutex_init(&s->visitors_lock, NULL);
	pthread_condattr_init(&monotonic);
	pthread_condattr_setclock(&monotonic, CLOCK_MONOTONIC);
	pthread_cond_init(&s->changed, &monotonic);
	pthread_condattr_destroy(&monotonic);
	s->inotify = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
}

static void stop_server(struct server *s, struct MHD_Daemon *daemon)
{
	pthread_mutex_lock(&s->lock);
	s->stopping = 1;
	pthread_cond_broadcast(&s->changed);
	pthread_mutex_unlock(&s->lock);
	if (daemon != NULL)
		MHD_stop_daemon(daemon);
	if (s->inotify >= 0)
		close(s->inotify);
	pthread_cond_destroy(&s->changed);
	pthread_mutex_destroy(&s->visitors_lock);
	pthread_mutex_destroy(&s->lock);
}

/* The output folder is made first, so it exists, and is known, before anything is watched.
 * The server starts whether or not the first build succeeded: its pages show the error. */
int serve_run(const struct serve_options *o, struct diag *d)
{
	struct server s;
	struct MHD_Daemon *daemon;

	start_server(&s, o);
	mkdir(o->out_dir, 0777);
	rebuild(&s);
	daemon = s.inotify >= 0 ? start_daemon(&s) : NULL;
	if (daemon == NULL) {
		char *text = xasprintf("cannot serve %s on %s port %u: %s", o->site_dir, o->bind,
		                       o->port, s.inotify < 0 ? "cannot watch the book's folder" : strerror(errno));
		diag_report(d, NULL, D_WRITE_FAILED, text);
		free(text);
	} else {
		printf("mixdown: serving %s at http://%s%s%s:%u/ (Ctrl-C stops)\n", o->site_dir,
		       strchr(o->bind, ':') ? "[" : "", o->bind, strchr(o->bind, ':') ? "]" : "",
		       o->port);
		fflush(stdout);
		watch_loop(&s);
	}
	stop_server(&s, daemon);
	return daemon != NULL;
}
