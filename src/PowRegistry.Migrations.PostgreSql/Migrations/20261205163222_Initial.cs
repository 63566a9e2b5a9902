using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using PowRegistry.Core.Data.PostgreSql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PowRegistry.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    DisplayName = table.Column<string>(type: "text", nullable: false),
                    IsDisabled = table.Column<bool>(type: "boolean", nullable: false),
                    PreferredLanguage = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<long>(type: "bigint", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    EntityType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EntityId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    PrisonerId = table.Column<int>(type: "integer", nullable: true),
                    Changes = table.Column<string>(type: "text", nullable: false),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ChangesDigest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Redaction = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CacheEntries",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Value = table.Column<byte[]>(type: "bytea", nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CacheEntries", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "Counterparts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    CountryCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Counterparts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Desks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Desks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Leases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Holder = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Leases", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "LoginAttempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LoginAttempts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Sessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Ticket = table.Column<byte[]>(type: "bytea", nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SetupTokens",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IssuedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SetupTokens", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ApiTokens",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Scope = table.Column<int>(type: "integer", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hint = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: false),
                    RevokedAt = table.Column<long>(type: "bigint", nullable: true),
                    RevokedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApiTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Transfers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RequestedAt = table.Column<long>(type: "bigint", nullable: false),
                    CounterpartId = table.Column<int>(type: "integer", nullable: true),
                    Recipient = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Fields = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RecordCount = table.Column<int>(type: "integer", nullable: false),
                    Filter = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    WithIdentities = table.Column<bool>(type: "boolean", nullable: false),
                    PrisonerIds = table.Column<string>(type: "text", nullable: true),
                    ApprovedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ApprovedAt = table.Column<long>(type: "bigint", nullable: true),
                    Downloads = table.Column<int>(type: "integer", nullable: false),
                    LastDownloadedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Transfers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Transfers_Counterparts_CounterpartId",
                        column: x => x.CounterpartId,
                        principalTable: "Counterparts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Consultations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DeskId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Participants = table.Column<string>(type: "text", nullable: true),
                    Subject = table.Column<string>(type: "text", nullable: true),
                    Classification = table.Column<string>(type: "text", nullable: true),
                    Positions = table.Column<string>(type: "text", nullable: true),
                    Outcome = table.Column<string>(type: "text", nullable: true),
                    NextStep = table.Column<string>(type: "text", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CounterpartIds = table.Column<List<int>>(type: "integer[]", nullable: false),
                    PrisonerIds = table.Column<List<int>>(type: "integer[]", nullable: false),
                    RequestIds = table.Column<List<int>>(type: "integer[]", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    LastActivityAt = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Consultations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Consultations_Desks_DeskId",
                        column: x => x.DeskId,
                        principalTable: "Desks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DeskMembers",
                columns: table => new
                {
                    DeskId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeskMembers", x => new { x.DeskId, x.UserId });
                    table.ForeignKey(
                        name: "FK_DeskMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DeskMembers_Desks_DeskId",
                        column: x => x.DeskId,
                        principalTable: "Desks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Prisoners",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DeskId = table.Column<int>(type: "integer", nullable: false, defaultValue: 1),
                    Reference = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FamilyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    GivenNames = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Rank = table.Column<string>(type: "text", nullable: true),
                    ServiceNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DateOfBirth = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    PlaceOfBirth = table.Column<string>(type: "text", nullable: true),
                    NationalityCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    PowerDependedOnCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    Unit = table.Column<string>(type: "text", nullable: true),
                    DateOfCapture = table.Column<DateOnly>(type: "date", nullable: true),
                    PlaceOfCapture = table.Column<string>(type: "text", nullable: true),
                    DetainingPowerCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    PlaceOfInternment = table.Column<string>(type: "text", nullable: true),
                    HealthStatus = table.Column<int>(type: "integer", nullable: false),
                    Languages = table.Column<string>(type: "text", nullable: true),
                    InterpreterNeeded = table.Column<bool>(type: "boolean", nullable: false),
                    FatherFirstName = table.Column<string>(type: "text", nullable: true),
                    MotherMaidenName = table.Column<string>(type: "text", nullable: true),
                    PersonToBeInformed = table.Column<string>(type: "text", nullable: true),
                    AddressForCorrespondence = table.Column<string>(type: "text", nullable: true),
                    Notes = table.Column<string>(type: "text", nullable: true),
                    CustodyStatus = table.Column<int>(type: "integer", nullable: false),
                    SortName = table.Column<string>(type: "text", nullable: false),
                    CaptureSortKey = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: false),
                    CurrentWish = table.Column<int>(type: "integer", nullable: true),
                    CurrentWishStateCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    CurrentWishVerification = table.Column<int>(type: "integer", nullable: true),
                    CurrentWishCertainty = table.Column<int>(type: "integer", nullable: true),
                    MergedIntoId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    AnonymisedAt = table.Column<long>(type: "bigint", nullable: true),
                    LegalHoldReason = table.Column<string>(type: "text", nullable: true),
                    LegalHoldBy = table.Column<string>(type: "text", nullable: true),
                    LegalHoldAt = table.Column<long>(type: "bigint", nullable: true),
                    EarlyAnonymisationBy = table.Column<string>(type: "text", nullable: true),
                    EarlyAnonymisationReason = table.Column<string>(type: "text", nullable: true),
                    EarlyAnonymisationAt = table.Column<long>(type: "bigint", nullable: true),
                    DateOfBirthInfo_Declined = table.Column<bool>(type: "boolean", nullable: false),
                    DateOfBirthInfo_Source = table.Column<int>(type: "integer", nullable: false),
                    FamilyNameInfo_Declined = table.Column<bool>(type: "boolean", nullable: false),
                    FamilyNameInfo_Source = table.Column<int>(type: "integer", nullable: false),
                    GivenNamesInfo_Declined = table.Column<bool>(type: "boolean", nullable: false),
                    GivenNamesInfo_Source = table.Column<int>(type: "integer", nullable: false),
                    RankInfo_Declined = table.Column<bool>(type: "boolean", nullable: false),
                    RankInfo_Source = table.Column<int>(type: "integer", nullable: false),
                    ServiceNumberInfo_Declined = table.Column<bool>(type: "boolean", nullable: false),
                    ServiceNumberInfo_Source = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Prisoners", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Prisoners_Desks_DeskId",
                        column: x => x.DeskId,
                        principalTable: "Desks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RegisterTallies",
                columns: table => new
                {
                    DeskId = table.Column<int>(type: "integer", nullable: false),
                    Dimension = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegisterTallies", x => new { x.DeskId, x.Dimension, x.Value });
                    table.ForeignKey(
                        name: "FK_RegisterTallies_Desks_DeskId",
                        column: x => x.DeskId,
                        principalTable: "Desks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActionItem",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConsultationId = table.Column<int>(type: "integer", nullable: false),
                    What = table.Column<string>(type: "text", nullable: false),
                    OwnerId = table.Column<string>(type: "text", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Done = table.Column<bool>(type: "boolean", nullable: false),
                    DoneBy = table.Column<string>(type: "text", nullable: true),
                    DoneAt = table.Column<long>(type: "bigint", nullable: true),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionItem_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConsultationId = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<int>(type: "integer", nullable: false),
                    Sha256 = table.Column<string>(type: "text", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedBy = table.Column<string>(type: "text", nullable: false),
                    UploadedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultationDocuments_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationStatusChange",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConsultationId = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<int>(type: "integer", nullable: true),
                    To = table.Column<int>(type: "integer", nullable: false),
                    ChangedBy = table.Column<string>(type: "text", nullable: false),
                    ChangedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationStatusChange", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultationStatusChange_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CustodyEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PrisonerId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Place = table.Column<string>(type: "text", nullable: true),
                    Details = table.Column<string>(type: "text", nullable: true),
                    RecordedBy = table.Column<string>(type: "text", nullable: false),
                    RecordedAt = table.Column<long>(type: "bigint", nullable: false),
                    RequestId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustodyEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustodyEvents_Prisoners_PrisonerId",
                        column: x => x.PrisonerId,
                        principalTable: "Prisoners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IdentityDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PrisonerId = table.Column<int>(type: "integer", nullable: false),
                    DocumentType = table.Column<string>(type: "text", nullable: false),
                    Number = table.Column<string>(type: "text", nullable: true),
                    Issuer = table.Column<string>(type: "text", nullable: true),
                    NameShown = table.Column<string>(type: "text", nullable: true),
                    Authenticity = table.Column<int>(type: "integer", nullable: false),
                    Notes = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdentityDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IdentityDocuments_Prisoners_PrisonerId",
                        column: x => x.PrisonerId,
                        principalTable: "Prisoners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PrisonerAliases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PrisonerId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    Confidence = table.Column<int>(type: "integer", nullable: false),
                    Notes = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PrisonerAliases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PrisonerAliases_Prisoners_PrisonerId",
                        column: x => x.PrisonerId,
                        principalTable: "Prisoners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PrisonerMerges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SurvivorId = table.Column<int>(type: "integer", nullable: false),
                    MergedId = table.Column<int>(type: "integer", nullable: false),
                    MergedReference = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    MergedBy = table.Column<string>(type: "text", nullable: false),
                    MergedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PrisonerMerges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PrisonerMerges_Prisoners_MergedId",
                        column: x => x.MergedId,
                        principalTable: "Prisoners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PrisonerMerges_Prisoners_SurvivorId",
                        column: x => x.SurvivorId,
                        principalTable: "Prisoners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PrisonerSearchTerms",
                columns: table => new
                {
                    PrisonerId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Term = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PrisonerSearchTerms", x => new { x.PrisonerId, x.Kind, x.Term });
                    table.ForeignKey(
                        name: "FK_PrisonerSearchTerms_Prisoners_PrisonerId",
                        column: x => x.PrisonerId,
                        principalTable: "Prisoners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WishDeclarations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PrisonerId = table.Column<int>(type: "integer", nullable: false),
                    TakenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Place = table.Column<string>(type: "text", nullable: true),
                    Interviewer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Organisation = table.Column<int>(type: "integer", nullable: false),
                    Language = table.Column<string>(type: "text", nullable: true),
                    Interpreter = table.Column<string>(type: "text", nullable: true),
                    PrivateInterview = table.Column<bool>(type: "boolean", nullable: false),
                    Destination = table.Column<int>(type: "integer", nullable: false),
                    DestinationStateCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    Certainty = table.Column<int>(type: "integer", nullable: true),
                    Reasons = table.Column<string>(type: "text", nullable: true),
                    FearsPersecution = table.Column<bool>(type: "boolean", nullable: false),
                    Fears = table.Column<string>(type: "text", nullable: true),
                    SignsOfPressure = table.Column<string>(type: "text", nullable: true),
                    VerbatimWords = table.Column<string>(type: "text", nullable: true),
                    Translation = table.Column<string>(type: "text", nullable: true),
                    Verification = table.Column<int>(type: "integer", nullable: false),
                    RecordedBy = table.Column<string>(type: "text", nullable: false),
                    RecordedAt = table.Column<long>(type: "bigint", nullable: false),
                    IsWithdrawn = table.Column<bool>(type: "boolean", nullable: false),
                    WithdrawnReason = table.Column<string>(type: "text", nullable: true),
                    WithdrawnBy = table.Column<string>(type: "text", nullable: true),
                    WithdrawnAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WishDeclarations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WishDeclarations_Prisoners_PrisonerId",
                        column: x => x.PrisonerId,
                        principalTable: "Prisoners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PrisonerId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    CustodyEventId = table.Column<int>(type: "integer", nullable: true),
                    EventDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    SentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Channel = table.Column<int>(type: "integer", nullable: true),
                    SentReference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SentRecordedBy = table.Column<string>(type: "text", nullable: true),
                    SentRecordedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notifications_CustodyEvents_CustodyEventId",
                        column: x => x.CustodyEventId,
                        principalTable: "CustodyEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Notifications_Prisoners_PrisonerId",
                        column: x => x.PrisonerId,
                        principalTable: "Prisoners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TransferRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PrisonerId = table.Column<int>(type: "integer", nullable: false),
                    DestinationStateCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    WishId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    HandoverDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    FlaggedForReview = table.Column<bool>(type: "boolean", nullable: false),
                    FlagReason = table.Column<string>(type: "text", nullable: true),
                    FirstLiftBy = table.Column<string>(type: "text", nullable: true),
                    FirstLiftReason = table.Column<string>(type: "text", nullable: true),
                    FirstLiftAt = table.Column<long>(type: "bigint", nullable: true),
                    SecondLiftBy = table.Column<string>(type: "text", nullable: true),
                    SecondLiftReason = table.Column<string>(type: "text", nullable: true),
                    SecondLiftAt = table.Column<long>(type: "bigint", nullable: true),
                    LiftWishId = table.Column<int>(type: "integer", nullable: true),
                    HandedOverOn = table.Column<DateOnly>(type: "date", nullable: true),
                    HandoverPlace = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    WitnessOrganisation = table.Column<int>(type: "integer", nullable: true),
                    WitnessName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    HandoverWishId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TransferRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TransferRequests_Prisoners_PrisonerId",
                        column: x => x.PrisonerId,
                        principalTable: "Prisoners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TransferRequests_WishDeclarations_HandoverWishId",
                        column: x => x.HandoverWishId,
                        principalTable: "WishDeclarations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TransferRequests_WishDeclarations_LiftWishId",
                        column: x => x.LiftWishId,
                        principalTable: "WishDeclarations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TransferRequests_WishDeclarations_WishId",
                        column: x => x.WishId,
                        principalTable: "WishDeclarations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RequestReview",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<int>(type: "integer", nullable: false),
                    Decision = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    WishId = table.Column<int>(type: "integer", nullable: true),
                    ReviewedBy = table.Column<string>(type: "text", nullable: false),
                    ReviewedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestReview", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestReview_TransferRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "TransferRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RequestReview_WishDeclarations_WishId",
                        column: x => x.WishId,
                        principalTable: "WishDeclarations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RequestStatusChange",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<int>(type: "integer", nullable: true),
                    To = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "text", nullable: true),
                    ChangedBy = table.Column<string>(type: "text", nullable: false),
                    ChangedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestStatusChange", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestStatusChange_TransferRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "TransferRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "Desks",
                columns: new[] { "Id", "Name" },
                values: new object[] { 1, "Main desk" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionItem_ConsultationId",
                table: "ActionItem",
                column: "ConsultationId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionItem_OwnerId_Done_DueOn",
                table: "ActionItem",
                columns: new[] { "OwnerId", "Done", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_TokenHash",
                table: "ApiTokens",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_UserId",
                table: "ApiTokens",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At_Id",
                table: "AuditEntries",
                columns: new[] { "At", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_History",
                table: "AuditEntries",
                columns: new[] { "PrisonerId", "Id" },
                filter: "\"Action\" <> 'Access'");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_PrisonerId_Id",
                table: "AuditEntries",
                columns: new[] { "PrisonerId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_UserId_Id",
                table: "AuditEntries",
                columns: new[] { "UserId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CacheEntries_ExpiresAt",
                table: "CacheEntries",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationDocuments_ConsultationId_Id",
                table: "ConsultationDocuments",
                columns: new[] { "ConsultationId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_Date_Id",
                table: "Consultations",
                columns: new[] { "Date", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_DeskId_Id",
                table: "Consultations",
                columns: new[] { "DeskId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_Status_Id",
                table: "Consultations",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationStatusChange_ConsultationId",
                table: "ConsultationStatusChange",
                column: "ConsultationId");

            migrationBuilder.CreateIndex(
                name: "IX_Counterparts_Name",
                table: "Counterparts",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CustodyEvents_PrisonerId_Date",
                table: "CustodyEvents",
                columns: new[] { "PrisonerId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_DeskMembers_UserId",
                table: "DeskMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Desks_Name",
                table: "Desks",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IdentityDocuments_PrisonerId",
                table: "IdentityDocuments",
                column: "PrisonerId");

            migrationBuilder.CreateIndex(
                name: "IX_LoginAttempts_At",
                table: "LoginAttempts",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_LoginAttempts_Key_At",
                table: "LoginAttempts",
                columns: new[] { "Key", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_CustodyEventId",
                table: "Notifications",
                column: "CustodyEventId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_PrisonerId_Kind",
                table: "Notifications",
                columns: new[] { "PrisonerId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_SentOn_DueOn_Id",
                table: "Notifications",
                columns: new[] { "SentOn", "DueOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PrisonerAliases_PrisonerId",
                table: "PrisonerAliases",
                column: "PrisonerId");

            migrationBuilder.CreateIndex(
                name: "IX_PrisonerMerges_MergedId",
                table: "PrisonerMerges",
                column: "MergedId");

            migrationBuilder.CreateIndex(
                name: "IX_PrisonerMerges_SurvivorId",
                table: "PrisonerMerges",
                column: "SurvivorId");

            migrationBuilder.CreateIndex(
                name: "IX_Prisoners_CaptureSortKey_Id",
                table: "Prisoners",
                columns: new[] { "CaptureSortKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Prisoners_CurrentWish_Id_Stated",
                table: "Prisoners",
                columns: new[] { "CurrentWish", "Id" },
                filter: "\"CurrentWish\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Prisoners_CurrentWishStateCode_Id_Stated",
                table: "Prisoners",
                columns: new[] { "CurrentWishStateCode", "Id" },
                filter: "\"CurrentWishStateCode\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Prisoners_CurrentWishVerification_Id_Stated",
                table: "Prisoners",
                columns: new[] { "CurrentWishVerification", "Id" },
                filter: "\"CurrentWishVerification\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Prisoners_CustodyStatus_CaptureSortKey_Id",
                table: "Prisoners",
                columns: new[] { "CustodyStatus", "CaptureSortKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Prisoners_CustodyStatus_Id",
                table: "Prisoners",
                columns: new[] { "CustodyStatus", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Prisoners_CustodyStatus_SortName_Id",
                table: "Prisoners",
                columns: new[] { "CustodyStatus", "SortName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Prisoners_DeskId_CaptureSortKey_Id",
                table: "Prisoners",
                columns: new[] { "DeskId", "CaptureSortKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Prisoners_DeskId_Id",
                table: "Prisoners",
                columns: new[] { "DeskId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Prisoners_DeskId_SortName_Id",
                table: "Prisoners",
                columns: new[] { "DeskId", "SortName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Prisoners_DetainingPowerCode_Id",
                table: "Prisoners",
                columns: new[] { "DetainingPowerCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Prisoners_NationalityCode_CaptureSortKey_Id",
                table: "Prisoners",
                columns: new[] { "NationalityCode", "CaptureSortKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Prisoners_NationalityCode_Id",
                table: "Prisoners",
                columns: new[] { "NationalityCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Prisoners_NationalityCode_ServiceNumber",
                table: "Prisoners",
                columns: new[] { "NationalityCode", "ServiceNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Prisoners_NationalityCode_SortName_Id",
                table: "Prisoners",
                columns: new[] { "NationalityCode", "SortName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Prisoners_Reference",
                table: "Prisoners",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Prisoners_SortName_Id",
                table: "Prisoners",
                columns: new[] { "SortName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PrisonerSearchTerms_Kind_Term_PrisonerId",
                table: "PrisonerSearchTerms",
                columns: new[] { "Kind", "Term", "PrisonerId" });

            migrationBuilder.CreateIndex(
                name: "IX_RequestReview_RequestId",
                table: "RequestReview",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_RequestReview_WishId",
                table: "RequestReview",
                column: "WishId");

            migrationBuilder.CreateIndex(
                name: "IX_RequestStatusChange_RequestId",
                table: "RequestStatusChange",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_ExpiresAt",
                table: "Sessions",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_TransferRequests_HandoverWishId",
                table: "TransferRequests",
                column: "HandoverWishId");

            migrationBuilder.CreateIndex(
                name: "IX_TransferRequests_LiftWishId",
                table: "TransferRequests",
                column: "LiftWishId");

            migrationBuilder.CreateIndex(
                name: "IX_TransferRequests_PrisonerId_Id",
                table: "TransferRequests",
                columns: new[] { "PrisonerId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_TransferRequests_Status_Id",
                table: "TransferRequests",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_TransferRequests_WishId",
                table: "TransferRequests",
                column: "WishId");

            migrationBuilder.CreateIndex(
                name: "IX_Transfers_CounterpartId",
                table: "Transfers",
                column: "CounterpartId");

            migrationBuilder.CreateIndex(
                name: "IX_Transfers_RequestedAt",
                table: "Transfers",
                column: "RequestedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Transfers_Status_Id",
                table: "Transfers",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_WishDeclarations_PrisonerId_TakenOn",
                table: "WishDeclarations",
                columns: new[] { "PrisonerId", "TakenOn" });

            // Enforced by the database itself (ADR-006, ADR-024): UPDATE, DELETE and TRUNCATE refused, a redaction allowed.
            foreach (var sql in PostgreSqlSetup.AuditAppendOnlyTrigger) migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in PostgreSqlSetup.DropAuditAppendOnlyTrigger) migrationBuilder.Sql(sql);
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit_entries_append_only();");

            migrationBuilder.DropTable(
                name: "ActionItem");

            migrationBuilder.DropTable(
                name: "ApiTokens");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "CacheEntries");

            migrationBuilder.DropTable(
                name: "ConsultationDocuments");

            migrationBuilder.DropTable(
                name: "ConsultationStatusChange");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "DeskMembers");

            migrationBuilder.DropTable(
                name: "IdentityDocuments");

            migrationBuilder.DropTable(
                name: "Leases");

            migrationBuilder.DropTable(
                name: "LoginAttempts");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "PrisonerAliases");

            migrationBuilder.DropTable(
                name: "PrisonerMerges");

            migrationBuilder.DropTable(
                name: "PrisonerSearchTerms");

            migrationBuilder.DropTable(
                name: "RegisterTallies");

            migrationBuilder.DropTable(
                name: "RequestReview");

            migrationBuilder.DropTable(
                name: "RequestStatusChange");

            migrationBuilder.DropTable(
                name: "Sessions");

            migrationBuilder.DropTable(
                name: "SetupTokens");

            migrationBuilder.DropTable(
                name: "Transfers");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "Consultations");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "CustodyEvents");

            migrationBuilder.DropTable(
                name: "TransferRequests");

            migrationBuilder.DropTable(
                name: "Counterparts");

            migrationBuilder.DropTable(
                name: "WishDeclarations");

            migrationBuilder.DropTable(
                name: "Prisoners");

            migrationBuilder.DropTable(
                name: "Desks");
        }
    }
}
