//! Ids of what the index arranges: positions in the content's lists (and in the index's
//! own list of communes), typed so that an association's id cannot pick a call, and made
//! only here and by the index, so that an id always names an entry of the build.

macro_rules! ids {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(usize);

        impl $name {
            /// Its position in its list.
            pub fn index(self) -> usize {
                self.0
            }

            /// The id at a position of its list (only entries looked up by slug need it).
            #[allow(dead_code)]
            pub(super) fn new(index: usize) -> $name {
                $name(index)
            }

            /// The ids of a list of `len` items, in order.
            pub(super) fn all(len: usize) -> impl Iterator<Item = $name> {
                (0..len).map($name)
            }
        }
    )*};
}

ids! {
    /// An association, in `Content::associations`.
    AssociationId,
    /// A call for volunteers, in `Content::calls`.
    CallId,
    /// A listing (offer or request), in `Content::resources`.
    ResourceId,
    /// A free page, in `Content::pages`.
    PageId,
    /// A category of `site.toml`, in the order it declares them.
    CategoryId,
    /// A commune where associations receive people, in the index's list (by slug).
    CommuneId,
    /// A need of the home page's way in, in the order of the built-in needs.
    NeedId,
    /// A public the site knows, in the order of `SiteConfig::publics`.
    PublicId,
}
