/// A page of a paginated list, as Django REST framework returns them:
/// `{ "count": 42, "next": "https://…?page=2", "previous": null, "results": [...] }`.
///
/// Generated page models (`PaginatedTaskReadList`) declare this conformance, which lets
/// `APISession.paginate` walk all pages.
public protocol PaginatedList: Decodable, Sendable {
    associatedtype Item: Sendable
    var results: [Item] { get }
    /// The absolute URL of the next page (the `next` property); `nil` on the last page.
    var nextPageURL: String? { get }
}
