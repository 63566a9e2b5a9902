using QRCoder;

namespace PowRegistry.Web.Infrastructure;

public static class QrCode
{
    /// <summary>A QR code as a PNG data: URI, so the page needs no script and the key never leaves the app (CSP allows data: images).</summary>
    public static string PngDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
