/* serve.c: the live preview: serves the built site with libmicrohttpd on a loopback address,
 * watches the book's folder with inotify, rebuilds on every save, and tells open pages to
 * reload (or to show the build's error in a banner) through a long-polled status address. */
#define _GNU_SOURCE
#include "serve.h"

#include <arpa/inet.h>
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
#include <sys/inotify.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "out.h"

#define QUIET_MS 40          /* a burst of saves ends when the folder is quiet this long */
#define WAIT_SECONDS 25      /* how long a page's status request waits for a new build */
#define MAX_WATCH_DEPTH 16
#define WATCH_EVENTS (IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE)

struct server {
	const struct serve_options *opts;
	char *site;                /* the first build's site folder; NULL when it failed */
	pthread_mutex_t lock;
	pthread_cond_t changed;
	unsigned long build;       /* the number of the latest build, good or bad */
	char error[1024];          /* its first error, or "" when it succeeded */
	int stopping;
	int inotify;
	char *skip;                /* the output folder, never watched */
};

/* The script every served page gets: it waits for the next build, then reloads the page, or
 * shows the build's error in a banner while the last good pages stay. */
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
	"  function wait() {\n"
	"    fetch('/_mixdown/status?after=' + (build === null ? '' : build), {cache: 'no-store'})\n"
	"      .then(function (r) { return r.json(); })\n"
	"      .then(function (s) {\n"
	"        if (build !== null && s.build !== build && !s.error) { location.reload(); return; }\n"
	"        build = s.build; banner(s.error); wait();\n"
	"      })\n"
	"      .catch(function () { setTimeout(wait, 1000); });\n"
	"  }\n"
	"  wait();\n"
	"})();\n";

static const char live_tag[] = "<script src=\"/_mixdown/live.js\"></script>";

/* ---- HTTP ---- */

static const char *content_type(const char *path)
{
	static const struct { const char *ext, *type; } types[] = {
		{".html", "text/html; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
		{".js", "text/javascript; charset=utf-8"}, {".svg", "image/svg+xml"},
		{".png", "image/png"}, {".jpg", "image/jpeg"}, {".jpeg", "image/jpeg"},
		{".gif", "image/gif"}, {".webp", "image/webp"}, {".xml", "application/xml"},
		{".epub", "application/epub+zip"},
	};
	const char *dot = strrchr(path, '.');

	for (size_t i = 0; dot != NULL && i < sizeof types / sizeof *types; i++)
		if (strcasecmp(dot, types[i].ext) == 0)
			return types[i].type;
	return "application/octet-stream";
}

static enum MHD_Result send_buffer(struct MHD_Connection *c, unsigned status, const char *type,
                                   const void *data, size_t len)
{
	struct MHD_Response *r =
		MHD_create_response_from_buffer(len, (void *)data, MHD_RESPMEM_MUST_COPY);
	enum MHD_Result ret;

	MHD_add_response_header(r, "Content-Type", type);
	MHD_add_response_header(r, "Cache-Control", "no-store");
	ret = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ret;
}

static char *read_file(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *data;
	long n;

	if (fp == NULL || fseek(fp, 0, SEEK_END) != 0 || (n = ftell(fp)) < 0 ||
	    fseek(fp, 0, SEEK_SET) != 0) {
		if (fp != NULL)
			fclose(fp);
		return NULL;
	}
	data = malloc((size_t)n + sizeof live_tag + 1);
	if (data == NULL)
		abort();
	*len = fread(data, 1, (size_t)n, fp);
	fclose(fp);
	data[*len] = '\0';
	return data;
}

/* HTML pages get the live script just before </body>. */
static void add_live_script(char *html, size_t *len)
{
	char *end = strstr(html, "</body>");
	size_t tag = sizeof live_tag - 1;

	if (end == NULL)
		return;
	memmove(end + tag, end, *len - (size_t)(end - html) + 1);
	memcpy(end, live_tag, tag);
	*len += tag;
}

/* The file a URL path names inside the site, or NULL: no "..", nothing outside. The site is
 * resolved for each request, as each build publishes a new folder. */
static char *site_path(const struct server *s, const char *url)
{
	char joined[PATH_MAX];
	char *canonical, *site;
	size_t n;

	if (url[0] != '/' || strstr(url, "/..") != NULL || strstr(url, "//") != NULL)
		return NULL;
	if ((site = realpath(s->opts->site_dir, NULL)) == NULL)
		return NULL;
	n = strlen(site);
	snprintf(joined, sizeof joined, "%s%s%s", site, url,
	         url[strlen(url) - 1] == '/' ? "index.html" : "");
	canonical = realpath(joined, NULL);
	if (canonical != NULL && (strncmp(canonical, site, n) != 0 || canonical[n] != '/')) {
		free(canonical);
		canonical = NULL;
	}
	free(site);
	return canonical;
}

static enum MHD_Result send_file(struct server *s, struct MHD_Connection *c, const char *path,
                                 unsigned status)
{
	size_t len = 0;
	char *data = read_file(path, &len);
	const char *type = content_type(path);
	enum MHD_Result ret;

	if (data == NULL)
		return send_buffer(c, MHD_HTTP_NOT_FOUND, "text/plain", "not found\n", 10);
	(void)s;
	if (strncmp(type, "text/html", 9) == 0)
		add_live_script(data, &len);
	ret = send_buffer(c, status, type, data, len);
	free(data);
	return ret;
}

/* {"build":N,"error":"..."}, once the build differs from ?after=N or the wait is over. */
static enum MHD_Result send_status(struct server *s, struct MHD_Connection *c)
{
	const char *after = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "after");
	char body[2400], escaped[2200];
	struct timespec until;
	size_t n = 0;

	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += WAIT_SECONDS;
	pthread_mutex_lock(&s->lock);
	if (after != NULL && *after != '\0') {
		unsigned long known = strtoul(after, NULL, 10);
		while (s->build == known && !s->stopping &&
		       pthread_cond_timedwait(&s->changed, &s->lock, &until) == 0)
			;
	}
	for (const char *p = s->error; *p != '\0' && n + 7 < sizeof escaped; p++) {
		if (*p == '"' || *p == '\\')
			escaped[n++] = '\\', escaped[n++] = *p;
		else if ((unsigned char)*p < 0x20)
			n += (size_t)snprintf(escaped + n, sizeof escaped - n, "\\u%04x", *p);
		else
			escaped[n++] = *p;
	}
	escaped[n] = '\0';
	snprintf(body, sizeof body, "{\"build\":%lu,\"error\":\"%s\"}", s->build, escaped);
	pthread_mutex_unlock(&s->lock);
	return send_buffer(c, MHD_HTTP_OK, "application/json", body, strlen(body));
}

static enum MHD_Result handle(void *data, struct MHD_Connection *c, const char *url,
                              const char *method, const char *version, const char *upload,
                              size_t *upload_size, void **state)
{
	struct server *s = data;
	char *path, *missing;
	enum MHD_Result ret;

	(void)version, (void)upload, (void)upload_size, (void)state;
	if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
		return send_buffer(c, MHD_HTTP_METHOD_NOT_ALLOWED, "text/plain", "GET only\n", 9);
	if (strcmp(url, "/_mixdown/live.js") == 0)
		return send_buffer(c, MHD_HTTP_OK, "text/javascript", live_js, sizeof live_js - 1);
	if (strcmp(url, "/_mixdown/status") == 0)
		return send_status(s, c);
	path = site_path(s, url);
	if (path != NULL) {
		ret = send_file(s, c, path, MHD_HTTP_OK);
		free(path);
		return ret;
	}
	missing = site_path(s, "/404.html");
	ret = send_file(s, c, missing ? missing : "", MHD_HTTP_NOT_FOUND);
	free(missing);
	return ret;
}

static struct MHD_Daemon *start_daemon(struct server *s)
{
	const struct serve_options *o = s->opts;
	struct sockaddr_in v4 = {.sin_family = AF_INET, .sin_port = htons(o->port)};
	struct sockaddr_in6 v6 = {.sin6_family = AF_INET6, .sin6_port = htons(o->port)};
	int ipv6 = inet_pton(AF_INET, o->bind, &v4.sin_addr) != 1;

	if (ipv6 && inet_pton(AF_INET6, o->bind, &v6.sin6_addr) != 1)
		return NULL;
	return MHD_start_daemon(MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD |
	                            (ipv6 ? MHD_USE_IPv6 : 0),
	                        o->port, NULL, NULL, handle, s, MHD_OPTION_SOCK_ADDR,
	                        ipv6 ? (struct sockaddr *)&v6 : (struct sockaddr *)&v4,
	                        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)(WAIT_SECONDS + 5),
	                        MHD_OPTION_END);
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

/* Watches a folder and those below it, but not the output folder nor hidden ones. */
static void watch_folder(struct server *s, const char *path, int depth)
{
	DIR *dir;
	struct dirent *e;
	char *canonical = realpath(path, NULL);
	int skip = canonical == NULL ||
	           (s->skip != NULL && strncmp(canonical, s->skip, strlen(s->skip)) == 0);

	free(canonical);
	if (skip || depth > MAX_WATCH_DEPTH)
		return;
	inotify_add_watch(s->inotify, path, WATCH_EVENTS);
	dir = opendir(path);
	while (dir != NULL && (e = readdir(dir)) != NULL) {
		char child[PATH_MAX];
		if (e->d_name[0] == '.' || e->d_type != DT_DIR)
			continue;
		snprintf(child, sizeof child, "%s/%s", path, e->d_name);
		watch_folder(s, child, depth + 1);
	}
	if (dir != NULL)
		closedir(dir);
}

/* Watches the book's folder (again after each build, for folders added since). */
static void watch_tree(struct server *s)
{
	watch_folder(s, s->opts->book_dir, 0);
}

static void rebuild(struct server *s)
{
	char error[1024] = "";
	int ok = s->opts->build(s->opts->data, error, sizeof error);

	pthread_mutex_lock(&s->lock);
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

/* Waits for saves; each burst of them, once quiet, triggers one rebuild. */
static void watch_loop(struct server *s)
{
	struct pollfd p = {.fd = s->inotify, .events = POLLIN};
	int pending = 0;

	while (!out_interrupted()) {
		int ready = poll(&p, 1, pending ? QUIET_MS : 200);
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

int serve_run(const struct serve_options *o, struct diag *d)
{
	struct server s = {.opts = o, .inotify = -1};
	struct MHD_Daemon *daemon;
	char *out = realpath(o->out_dir, NULL);

	pthread_mutex_init(&s.lock, NULL);
	pthread_cond_init(&s.changed, NULL);
	s.inotify = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	s.skip = out;
	rebuild(&s);
	s.site = realpath(o->site_dir, NULL);
	daemon = s.site != NULL && s.inotify >= 0 ? start_daemon(&s) : NULL;
	if (daemon == NULL) {
		char text[300];
		snprintf(text, sizeof text, "cannot serve %s on %s port %u: %s", o->site_dir, o->bind,
		         o->port, s.site == NULL ? "the site was never built" : strerror(errno));
		diag_report(d, NULL, D_WRITE_FAILED, text);
	} else {
		printf("mixdown: serving %s at http://%s%s%s:%u/ (Ctrl-C stops)\n", o->site_dir,
		       strchr(o->bind, ':') ? "[" : "", o->bind, strchr(o->bind, ':') ? "]" : "",
		       o->port);
		fflush(stdout);
		watch_loop(&s);
		pthread_mutex_lock(&s.lock);
		s.stopping = 1;
		pthread_cond_broadcast(&s.changed);
		pthread_mutex_unlock(&s.lock);
		MHD_stop_daemon(daemon);
	}
	if (s.inotify >= 0)
		close(s.inotify);
	free(s.site);
	free(out);
	pthread_cond_destroy(&s.changed);
	pthread_mutex_destroy(&s.lock);
	return daemon != NULL;
}
