package dev.greenlight.evidence.merge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PackageUrlTest {

    @Test
    void dropsQualifiersAndSubpath() {
        assertThat(PackageUrl.parse("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar#META-INF"))
                .isEqualTo(new PackageUrl("maven", "org.apache.logging.log4j/log4j-core", "2.14.1"));
    }

    @Test
    void readsAnEncodedAndARawNpmScopeAlike() {
        assertThat(PackageUrl.parse("pkg:npm/%40babel/parser@7.24.0")).isEqualTo(PackageUrl.parse("pkg:npm/@babel/parser@7.24.0"))
                .isEqualTo(new PackageUrl("npm", "@babel/parser", "7.24.0"));
    }

    @Test
    void decodesTheVersion() {
        assertThat(PackageUrl.parse("pkg:deb/debian/zlib1g@1%3A1.2.13.dfsg-1").version()).isEqualTo("1:1.2.13.dfsg-1");
    }

    @Test
    void hasNoVersionWhenTheUrlNamesNone() {
        assertThat(PackageUrl.parse("pkg:golang/github.com/acme/lib")).isEqualTo(new PackageUrl("golang", "github.com/acme/lib", null));
    }

    @Test
    void isNoPackageUrlWithoutTheSchemeOrAName() {
        assertThat(PackageUrl.parse("https://example.org/shop")).isNull();
        assertThat(PackageUrl.parse("pkg:maven")).isNull();
        assertThat(PackageUrl.parse("pkg:maven/")).isNull();
    }

    @Test
    void takesImagesForTheReleaseNotForAPackage() {
        assertThat(PackageUrl.parse("pkg:oci/shop@sha256%3Aabc").namesPackage()).isFalse();
        assertThat(PackageUrl.parse("pkg:docker/acme/shop@1.4.0").namesPackage()).isFalse();
        assertThat(PackageUrl.parse("pkg:apk/wolfi/git@2.39.0-r1").namesPackage()).isTrue();
    }

    @Test
    void coversTheSamePackageInTheNamedVersionOrAnyWhenNoneIsNamed() {
        PackageUrl finding = PackageUrl.parse("pkg:maven/org.acme/lib@1.0?type=jar");

        assertThat(PackageUrl.parse("pkg:maven/org.acme/lib@1.0").covers(finding)).isTrue();
        assertThat(PackageUrl.parse("pkg:maven/org.acme/lib").covers(finding)).isTrue();
        assertThat(PackageUrl.parse("pkg:maven/org.acme/lib@1.1").covers(finding)).isFalse();
        assertThat(PackageUrl.parse("pkg:maven/org.acme/other@1.0").covers(finding)).isFalse();
        assertThat(PackageUrl.parse("pkg:npm/org.acme/lib@1.0").covers(finding)).isFalse();
    }
}
