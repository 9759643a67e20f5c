/* snowball.c: the reference Snowball English stemmer (Debian's libstemmer) as a filter: one
 * word a line in, its stem a line out; the search suite compares the site's stemmer with it. */
#include <libstemmer.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
	struct sb_stemmer *stemmer = sb_stemmer_new("english", "UTF_8");
	char line[1024];

	if (stemmer == NULL)
		return 1;
	while (fgets(line, sizeof line, stdin) != NULL) {
		size_t len = strcspn(line, "\n");
		const sb_symbol *stem = sb_stemmer_stem(stemmer, (const sb_symbol *)line, (int)len);
		if (stem == NULL) {
			sb_stemmer_delete(stemmer);
			return 1;
		}
		printf("%.*s\n", sb_stemmer_length(stemmer), (const char *)stem);
	}
	sb_stemmer_delete(stemmer);
	return 0;
}
