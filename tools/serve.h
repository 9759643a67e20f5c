/* serve.h: the live preview server. */
#ifndef MIXDOWN_SERVE_H
#define MIXDOWN_SERVE_H

#include <stddef.h>

#include "diag.h"

struct early_pages;

struct serve_options {
	const char *book_dir; /* watched for changes */
	const char *out_dir;  /* where builds go; never watched */
	const char *site_dir; /* served: out_dir/html */
	const char *bind;     /* the address to listen on */
	unsigned port;
	/* builds the book, showing the pages early names first when it can (early.h); on failure
	 * writes its first error into error and returns 0 */
	int (*build)(void *data, const struct early_pages *early, char *error, size_t size);
	void *data;
};

/* Builds, serves and rebuilds on every change until SIGINT or SIGTERM; returns 0 when the
 * server could not start (after reporting), 1 when it ran and was stopped. */
int serve_run(const struct serve_options *o, struct diag *d);

/* Does a request's Host header name this server, listening on bind at port, by a name no web
 * page can point elsewhere? A name other than localhost may resolve to 127.0.0.1 from an
 * attacker's DNS (rebinding), so only localhost, loopback addresses and bind are accepted,
 * with the port (left out only for port 80); with bind 0.0.0.0 or ::, any address literal. */
int serve_host_is_ours(const char *host, const char *bind, unsigned port);

/* Is address an IPv4 127.x.x.x or the IPv6 ::1 address? */
int serve_is_loopback(const char *address);

#endif
